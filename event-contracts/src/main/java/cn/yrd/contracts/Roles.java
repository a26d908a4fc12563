package cn.yrd.contracts;

/**
 * The roles a service grants a caller, each mapped from its token issuer's group names. Provincial
 * roles come from a province's issuer, which decides the caller's province; region-wide roles
 * ({@link #AUDITOR}) from the federation's.
 */
public final class Roles {
  /** 登记员: registration writes in its own province. */
  public static final String REGISTRAR = "registrar";

  /** 监管员: supervision writes in its own province. */
  public static final String SUPERVISOR = "supervisor";

  /** 互认审核员: recognition decisions and conflict handling for its province. */
  public static final String RECOGNITION_OFFICER = "recognition-officer";

  /** 审计员: reads everything, writes nothing. */
  public static final String AUDITOR = "auditor";

  /** 查询用户: reads its own province. */
  public static final String READER = "reader";

  /**
   * The JWT claim naming the caller's province: optional, and refused unless it is the issuer's.
   */
  public static final String PROVINCE_CLAIM = "province";

  private Roles() {}
}
