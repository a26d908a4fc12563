package cn.yrd.support.problem;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;

/**
 * Writes the roles of {@code @RolesAllowed} into the operation's bearer requirement (OpenAPI 3.1
 * allows role names there for non-OAuth schemes), so readers of the document — and the
 * authorization-matrix test — see who may call it. Needs {@code
 * quarkus.smallrye-openapi.operation-id-strategy=PACKAGE_CLASS_METHOD} to find the method; the
 * operation id is then the method's name alone, a verb unique within its service.
 */
final class OperationRoles {
  private OperationRoles() {}

  static void declare(Operation operation) {
    String id = operation.getOperationId();
    if (id == null || !id.contains("_")) {
      return;
    }
    String className = id.substring(0, id.lastIndexOf('_'));
    String methodName = id.substring(id.lastIndexOf('_') + 1);
    Optional<Method> method = find(className, methodName);
    if (method.isEmpty()) {
      return;
    }
    // Resource methods are named as the verbs a generated client calls (registerOrganization).
    operation.setOperationId(methodName);
    if (method.get().isAnnotationPresent(PermitAll.class)
        || operation.getSecurity() == null
        || operation.getSecurity().isEmpty()) {
      return;
    }
    RolesAllowed roles = method.get().getAnnotation(RolesAllowed.class);
    if (roles == null) {
      roles = method.get().getDeclaringClass().getAnnotation(RolesAllowed.class);
    }
    if (roles == null) {
      return;
    }
    List<String> names = List.of(roles.value());
    operation.setSecurity(
        List.of(OASFactory.createSecurityRequirement().addScheme("bearer", names)));
    operation.addExtension("x-roles", names);
    String note = "Roles: " + String.join(", ", names) + ".";
    operation.setDescription(
        operation.getDescription() == null ? note : operation.getDescription() + "\n\n" + note);
  }

  private static Optional<Method> find(String className, String methodName) {
    try {
      Class<?> type =
          Class.forName(className, false, Thread.currentThread().getContextClassLoader());
      for (Method m : type.getDeclaredMethods()) {
        if (m.getName().equals(methodName) && !m.isSynthetic()) {
          return Optional.of(m);
        }
      }
      return Optional.empty();
    } catch (ClassNotFoundException | LinkageError e) {
      return Optional.empty();
    }
  }
}
