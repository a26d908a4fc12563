// Chinese and English labels; the choice is kept in localStorage.
const LABELS = {
  title: ['长三角社会组织登记互认', 'YRD registration federation'],
  overview: ['总览', 'Overview'],
  conflicts: ['冲突队列', 'Conflicts'],
  organization: ['组织', 'Organization'],
  recognitions: ['互认申请', 'Recognition requests'],
  signIn: ['登录', 'Sign in'],
  signOut: ['退出', 'Sign out'],
  pasteToken: ['粘贴令牌（启动器会打印开发令牌）', 'Paste a bearer token (the launcher prints development tokens)'],
  signedInAs: ['当前身份', 'Signed in as'],
  province: ['省份', 'Province'],
  roles: ['角色', 'Roles'],
  regionWide: ['全区域', 'region-wide'],
  active: ['存续组织', 'Active organizations'],
  fiveA: ['有效5A组织', 'Valid 5A organizations'],
  lag: ['消费延迟', 'Consumer lag'],
  unapplied: ['条事件未处理', 'events not yet applied'],
  overdueNotifications: ['逾期未回执的高风险预警', 'Overdue HIGH notifications'],
  rule: ['规则', 'Rule'],
  CONFLICT_OPENED: ['发现冲突', 'Conflict opened'], CONFLICT_CLOSED: ['冲突关闭', 'Conflict closed'],
  RECOGNITION_DECIDED: ['互认决定', 'Recognition decided'],
  lastEvent: ['最近事件', 'Last event'],
  quality: ['数据质量', 'Data quality'],
  category: ['类别', 'Category'],
  SOCIAL_GROUP: ['社会团体', 'Social groups'],
  SOCIAL_SERVICE_INSTITUTION: ['社会服务机构', 'Social service institutions'],
  FOUNDATION: ['基金会', 'Foundations'],
  SH: ['上海', 'Shanghai'], JS: ['江苏', 'Jiangsu'], ZJ: ['浙江', 'Zhejiang'], AH: ['安徽', 'Anhui'],
  map: ['5A服务阵地分布与跨省冲突', '5A service positions and open conflicts between provinces'],
  type: ['类型', 'Type'], severity: ['严重程度', 'Severity'], status: ['状态', 'Status'],
  any: ['全部', 'Any'], opened: ['发现时间', 'Opened'], details: ['详情', 'Details'],
  acknowledge: ['受理', 'Acknowledge'], resolve: ['解决', 'Resolve'], dismiss: ['驳回', 'Dismiss'],
  note: ['说明', 'Note'], records: ['各省登记记录', 'Records of each province'],
  noRecords: ['没有记录', 'No records'], field: ['字段', 'Field'],
  recognitionsOf: ['互认情况', 'Recognitions'], auditTrail: ['审计轨迹', 'Audit trail'],
  verify: ['验证', 'Verify'], witnesses: ['见证', 'witnesses'], verified: ['已验证', 'Verified'], failed: ['验证失败', 'Failed'],
  search: ['查询', 'Search'], uscc: ['统一社会信用代码', 'USCC'],
  home: ['登记地', 'Home'], host: ['互认地', 'Host'], scope: ['范围', 'Scope'],
  decide: ['决定', 'Decide'], grant: ['准予', 'Grant'], reject: ['不予', 'Reject'],
  live: ['自动刷新', 'Live'], empty: ['暂无', 'Nothing here'],
  notAllowed: ['当前身份无权操作', 'Your token may not do this'],
  DUPLICATE_REGISTRATION: ['重复登记', 'Duplicate registration'], REGION_MISMATCH: ['登记地不符', 'Region mismatch'],
  NAME_COLLISION: ['名称相同', 'Name collision'], LEGAL_REP_CONCURRENT: ['法定代表人兼任', 'Concurrent legal representative'],
  LEGAL_REP_BARRED: ['法定代表人任职受限', 'Barred legal representative'], STATUS_DIVERGENCE: ['状态不一致', 'Status divergence'],
  SANCTION_RATING: ['处罚与等级冲突', 'Sanction and rating'], SEQUENCE_GAP: ['事件序号缺口', 'Event sequence gap'],
  OPEN: ['待处理', 'Open'], ACKNOWLEDGED: ['已受理', 'Acknowledged'], RESOLVED: ['已解决', 'Resolved'], DISMISSED: ['已驳回', 'Dismissed'],
  HIGH: ['高', 'High'], MEDIUM: ['中', 'Medium'], LOW: ['低', 'Low'],
  GRANTED: ['已准予', 'Granted'], REJECTED: ['不予互认', 'Rejected'], PENDING_REVIEW: ['待审查', 'Pending review'],
  SUSPENDED: ['已中止', 'Suspended'], REVOKED: ['已撤销', 'Revoked'],
  OPERATE: ['开展活动', 'Operate'], OFFICE: ['设立代表机构', 'Representative office'], GRADE: ['等级互认', 'Grade'],
  ACTIVE: ['存续', 'Active'], DEREGISTERED: ['已注销', 'Deregistered'],
  leaf: ['叶哈希', 'Leaf'], root: ['根哈希', 'Root'], signature: ['签名', 'Signature'],
  evidence: ['互认证据', 'Evidence'], evidenceFile: ['证据文件', 'Evidence file'], policyFile: ['见证策略', 'Witness policy'],
  check: ['检查', 'Check'], downloadPolicy: ['下载已发布的见证策略', 'Download the published witness policy'],
  checkpointOf: ['检查点事件数', 'checkpoint of'],
  evidenceHelp: ['在浏览器中离线检查互认决定的证据文件：日志签名与见证法定数、每个事件的包含证明、事件以该互认的决定结尾。任何字节被改动都会指出失败之处。',
    "Checks a recognition decision's evidence file offline, in this browser: the log's signature and the witnesses' quorum, each event's inclusion proof, and that the events end with the decision. Any altered byte is named."],
};

let lang = localStorage.getItem('yrd.lang') || 'zh';

export function t(key) {
  const entry = LABELS[key];
  return entry ? entry[lang === 'zh' ? 0 : 1] : key;
}

export function language() {
  return lang;
}

export function setLanguage(value) {
  lang = value;
  localStorage.setItem('yrd.lang', value);
  document.documentElement.lang = value === 'zh' ? 'zh-CN' : 'en';
}
