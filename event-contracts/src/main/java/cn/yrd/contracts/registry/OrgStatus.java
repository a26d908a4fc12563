package cn.yrd.contracts.registry;

/** 登记状态: an organization's registration status. */
public enum OrgStatus {
  /** 正常. */
  ACTIVE,
  /** 注销: voluntary, terminal. */
  DEREGISTERED,
  /** 撤销登记 / 吊销登记证书: terminal, though a revoked organization may later be deregistered. */
  REVOKED
}
