package cn.yrd.recognition.rest;

import cn.yrd.contracts.Roles;

/** Who may call what: every federation role reads; writes are checked against the record. */
final class ApiRoles {
  static final String REGISTRAR = Roles.REGISTRAR;
  static final String SUPERVISOR = Roles.SUPERVISOR;
  static final String OFFICER = Roles.RECOGNITION_OFFICER;
  static final String AUDITOR = Roles.AUDITOR;
  static final String READER = Roles.READER;

  private ApiRoles() {}
}
