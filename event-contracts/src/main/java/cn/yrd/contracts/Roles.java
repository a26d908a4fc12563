package cn.yrd.contracts;

/**
 * The roles a federation token may carry in its {@code groups} claim. Provincial roles come with a
 * {@code province} claim; region-wide roles ({@link #AUDITOR}) have none.
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

  /** The JWT claim naming the caller's province. */
  public static final String PROVINCE_CLAIM = "province";

  /** The issuer every service expects unless configured otherwise. */
  public static final String DEFAULT_ISSUER = "https://yrd.local/issuer";

  private Roles() {}
}
