package cn.yrd.registry.service;

import cn.yrd.contracts.Province;
import cn.yrd.contracts.ResidentIdNumber;
import cn.yrd.contracts.registry.Grade;
import cn.yrd.contracts.registry.LegalRepresentative;
import cn.yrd.contracts.registry.OrganizationState;
import cn.yrd.contracts.registry.Revocation;
import cn.yrd.registry.api.OrganizationView;
import cn.yrd.registry.repository.Organization;

/** Turns a stored record into the event payload (no ID number) or the API view (masked). */
public final class OrganizationMapper {
  private OrganizationMapper() {}

  public static OrganizationState toState(Organization org, Province registry) {
    return new OrganizationState(
        org.uscc,
        org.name,
        org.category,
        registry,
        new LegalRepresentative(org.legalRepName, org.legalRepPersonRef),
        org.domicile,
        org.businessScope,
        org.registeredFunds,
        org.supervisoryUnit,
        org.registrationAuthority,
        org.establishmentDate,
        org.status,
        grade(org),
        org.abnormalListed,
        org.seriousListed,
        org.deregistrationDate,
        revocation(org),
        org.transferredFrom == null ? null : Province.valueOf(org.transferredFrom),
        org.version);
  }

  public static OrganizationView toView(Organization org, Province registry, boolean unmask) {
    Grade grade = grade(org);
    return new OrganizationView(
        org.uscc,
        org.name,
        org.category,
        registry,
        new OrganizationView.LegalRepresentativeView(
            org.legalRepName,
            unmask ? org.legalRepIdNumber : ResidentIdNumber.mask(org.legalRepIdNumber),
            org.legalRepPersonRef),
        org.domicile,
        org.businessScope,
        org.registeredFunds,
        org.supervisoryUnit,
        org.registrationAuthority,
        org.establishmentDate,
        org.status,
        grade == null
            ? null
            : new OrganizationView.GradeView(
                grade.label(), grade.level(), grade.awardedOn(), grade.expiresOn()),
        org.abnormalListed,
        org.seriousListed,
        org.deregistrationDate,
        revocation(org),
        org.transferredFrom == null ? null : Province.valueOf(org.transferredFrom),
        org.version,
        null);
  }

  private static Grade grade(Organization org) {
    return org.gradeLevel == null
        ? null
        : new Grade(org.gradeLevel, org.gradeAwardedOn, org.gradeExpiresOn);
  }

  private static Revocation revocation(Organization org) {
    return org.revocationDate == null
        ? null
        : new Revocation(org.revocationDate, org.revocationReason, org.revocationDecision);
  }
}
