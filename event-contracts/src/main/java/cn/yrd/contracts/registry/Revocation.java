package cn.yrd.contracts.registry;

import java.time.LocalDate;

/** 撤销登记: when, why and by which decision an organization was revoked. */
public record Revocation(LocalDate date, String reason, String decisionNumber) {}
