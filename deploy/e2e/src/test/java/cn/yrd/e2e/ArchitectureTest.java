package cn.yrd.e2e;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The structure every change keeps (ADR 0014): inside a service, {@code rest} and {@code event}
 * (the ways in) call {@code service}, which calls {@code repository}, never back; {@code api} holds
 * the requests and views both sides share. The services never import each other, and the wire
 * contracts import no framework.
 */
class ArchitectureTest {
  private static JavaClasses production;

  @BeforeAll
  static void importProductionClasses() {
    production =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.yrd");
  }

  static Stream<String> services() {
    return Stream.of("registry", "recognition", "audit");
  }

  @ParameterizedTest
  @MethodSource("services")
  void layersPointOneWayInsideEachService(String service) {
    String root = "cn.yrd." + service;
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .withOptionalLayers(true)
        .layer("api")
        .definedBy(root + ".api..")
        .layer("rest")
        .definedBy(root + ".rest..")
        .layer("event")
        .definedBy(root + ".event..")
        .layer("service")
        .definedBy(root + ".service..")
        .layer("repository")
        .definedBy(root + ".repository..")
        .whereLayer("rest")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("event")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("service")
        .mayOnlyBeAccessedByLayers("rest", "event")
        .whereLayer("repository")
        .mayOnlyBeAccessedByLayers("service")
        .whereLayer("api")
        .mayOnlyBeAccessedByLayers("rest", "event", "service", "repository")
        .check(production);
  }

  @Test
  void servicesNeverImportEachOther() {
    slices()
        .matching("cn.yrd.(registry|recognition|audit)..")
        .should()
        .notDependOnEachOther()
        .check(production);
  }

  @Test
  void sharedModulesImportNoService() {
    noClasses()
        .that()
        .resideInAnyPackage("cn.yrd.contracts..", "cn.yrd.support..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("cn.yrd.registry..", "cn.yrd.recognition..", "cn.yrd.audit..")
        .check(production);
  }

  @Test
  void eventContractsImportNoFramework() {
    classes()
        .that()
        .resideInAPackage("cn.yrd.contracts..")
        .should()
        .onlyDependOnClassesThat()
        // Jackson only reads a recognition event's payload when an evidence file is checked.
        .resideInAnyPackage(
            "java..",
            "javax.crypto..",
            "cn.yrd.contracts..",
            "com.github.houbb.opencc4j..",
            "com.fasterxml.jackson.databind..")
        .check(production);
  }

  @Test
  void requestsAndViewsLiveInApi() {
    services()
        .forEach(
            service ->
                classes()
                    .that()
                    .resideInAPackage("cn.yrd." + service + ".rest..")
                    .should()
                    .haveSimpleNameNotEndingWith("View")
                    .andShould()
                    .haveSimpleNameNotEndingWith("Request")
                    .because("requests and views live in " + service + ".api")
                    .check(production));
  }
}
