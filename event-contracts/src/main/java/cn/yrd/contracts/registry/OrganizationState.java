package cn.yrd.contracts.registry;

import cn.yrd.contracts.OrgCategory;
import cn.yrd.contracts.Province;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An organization's full record as its registry holds it after a change: the payload of every
 * registration and supervision event, so consumers never call back.
 *
 * @param province the registry that holds the record
 * @param grade the current grade, null if none
 * @param deregistrationDate null unless DEREGISTERED
 * @param revocation null unless the organization was revoked
 * @param transferredFrom the province it came from by a recorded transfer, null otherwise
 * @param version increases by one with every change
 */
public record OrganizationState(
    String uscc,
    String name,
    OrgCategory category,
    Province province,
    LegalRepresentative legalRepresentative,
    String domicile,
    String businessScope,
    BigDecimal registeredFunds,
    String supervisoryUnit,
    String registrationAuthority,
    LocalDate establishmentDate,
    OrgStatus status,
    Grade grade,
    boolean abnormalListed,
    boolean seriousListed,
    LocalDate deregistrationDate,
    Revocation revocation,
    Province transferredFrom,
    long version) {}
