package cn.yrd.recognition.service.view;

import cn.yrd.contracts.OrgCategory;
import cn.yrd.contracts.Province;
import cn.yrd.contracts.Uscc;
import cn.yrd.contracts.registry.OrgStatus;
import java.time.LocalDate;

/**
 * Builds the {@link OrgSnapshot} a rule reads, naming only what a case is about: an ACTIVE record
 * of the code's own category, represented by "p", with no grade, listing, revocation or transfer.
 */
public final class Snapshot {
  private final String uscc;
  private final Province province;
  private OrgCategory category;
  private OrgStatus status = OrgStatus.ACTIVE;
  private String name = "名称";
  private String person = "p";
  private Integer gradeLevel;
  private LocalDate gradeExpiresOn;
  private boolean abnormal;
  private boolean serious;
  private LocalDate revokedOn;
  private Province from;
  private Province to;

  private Snapshot(String uscc, Province province) {
    this.uscc = uscc;
    this.province = province;
    this.category = Uscc.parse(uscc).category().orElseThrow();
  }

  /** An ACTIVE record of {@code uscc} held by {@code province}. */
  public static Snapshot of(String uscc, Province province) {
    return new Snapshot(uscc, province);
  }

  public Snapshot status(OrgStatus value) {
    status = value;
    return this;
  }

  public Snapshot revokedOn(LocalDate day) {
    status = OrgStatus.REVOKED;
    revokedOn = day;
    return this;
  }

  public Snapshot name(String value) {
    name = value;
    return this;
  }

  public Snapshot person(String value) {
    person = value;
    return this;
  }

  public Snapshot category(OrgCategory value) {
    category = value;
    return this;
  }

  public Snapshot grade(int level, LocalDate expiresOn) {
    gradeLevel = level;
    gradeExpiresOn = expiresOn;
    return this;
  }

  public Snapshot abnormal() {
    abnormal = true;
    return this;
  }

  public Snapshot serious() {
    serious = true;
    return this;
  }

  public Snapshot transferredFrom(Province value) {
    from = value;
    return this;
  }

  /** Transferred out to {@code value}: the record is DEREGISTERED. */
  public Snapshot transferredTo(Province value) {
    to = value;
    status = OrgStatus.DEREGISTERED;
    return this;
  }

  public OrgSnapshot build() {
    return new OrgSnapshot(
        Uscc.parse(uscc),
        province,
        name,
        name,
        category,
        status,
        person,
        gradeLevel,
        gradeExpiresOn,
        abnormal,
        serious,
        revokedOn,
        from,
        to);
  }
}
