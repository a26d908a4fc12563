package cn.yrd.registry.rest;

import cn.yrd.contracts.Roles;
import cn.yrd.registry.config.RegistryConfig;
import cn.yrd.registry.service.AccessPolicy;
import cn.yrd.registry.service.SupervisionDue;
import cn.yrd.support.security.Caller;
import cn.yrd.support.time.BusinessTime;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The discretionary supervision actions that are due in this registry. */
@Path("/api/v1/supervision/due")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Supervision")
@SecurityRequirement(name = "bearer")
public class SupervisionDueResource {
  @Inject SupervisionDue due;
  @Inject RegistryConfig config;
  @Inject Caller caller;

  /** The due actions as of a business date. */
  @Schema(description = "Supervision actions due on a business day, oldest first.")
  public record DueList(LocalDate asOf, List<SupervisionDue.DueAction> items) {}

  @GET
  @RolesAllowed({Roles.SUPERVISOR, Roles.REGISTRAR, Roles.READER, Roles.AUDITOR})
  @Operation(
      summary = "Supervision actions that are due (应办监管事项)",
      description =
          "Where the law leaves the authority discretion, the registry shows the action as due"
              + " instead of acting: GRADE_DOWNGRADE_OR_WITHDRAWAL after a penalty, an unqualified"
              + " inspection or two basically qualified ones since the grade was decided"
              + " (R-GRADE-04), and SERIOUS_LIST_REMOVAL once the clean period has run (R-LIST-04).")
  @APIResponse(
      responseCode = "200",
      description = "The due actions",
      content = @Content(schema = @Schema(implementation = DueList.class)))
  public DueList listDueSupervision() {
    new AccessPolicy(config.province()).requireRead(caller.info());
    LocalDate today = BusinessTime.today();
    return new DueList(today, due.on(today));
  }
}
