package cn.yrd.registry.config;

import cn.yrd.contracts.Province;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Settings of one province's registry ({@code yrd.registry.*}). */
@ConfigMapping(prefix = "yrd.registry")
public interface RegistryConfig {

  /** The province this registry serves ({@code PROVINCE}). */
  Province province();

  /**
   * The federation-wide secret that turns ID numbers into person references ({@code
   * YRD_PERSON_KEY}); every province must use the same one.
   */
  String personKey();

  /** 开办资金 thresholds below which a registration is accepted with a warning. */
  MinimumFunds minimumFunds();

  /** Years an organization must stay clean before it may leave the serious-violation list. */
  @WithDefault("2")
  int seriousListMinYears();

  /** A penalty in this many years before an award makes the organization ineligible for a grade. */
  @WithDefault("1")
  int gradeBarAfterPenaltyYears();

  /**
   * How often the registry looks for statutory supervision that a date makes due (an abnormal
   * listing's 2-year anniversary); the first look is at start-up, so missed days are caught up.
   */
  @WithDefault("60s")
  String supervisionCheckInterval();

  /** How registrations that arrive together are committed together. */
  GroupCommit groupCommit();

  /** 登记前核查: asking the federation before registering. */
  Clearance clearance();

  /**
   * Before storing a registration the registry asks the recognition service whether it would
   * conflict, with the registrar's own token; the ID number never leaves the province (only its
   * person reference). Without a URL it does not ask.
   */
  interface Clearance {
    /** The recognition service's base URL ({@code YRD_CLEARANCE_URL}); absent: do not ask. */
    Optional<URI> url();

    /** What a conflicting answer does to the registration. */
    @WithDefault("WARN")
    ClearanceMode mode();

    /** How long to wait for the answer; past it, the registration goes on with a warning. */
    @WithDefault("500ms")
    Duration timeout();
  }

  /** What a registry does with a clearance answer that finds conflicts. */
  enum ClearanceMode {
    /** Register, and carry the findings as warnings in the 201. */
    WARN,
    /** Refuse a registration that would raise a HIGH conflict (409); warn about the others. */
    REFUSE_HIGH
  }

  /** Minimum funds per category, in CNY (configurable: the rule varies by locality). */
  interface MinimumFunds {
    @WithDefault("30000")
    BigDecimal socialGroup();

    @WithDefault("30000")
    BigDecimal socialServiceInstitution();

    @WithDefault("2000000")
    BigDecimal foundation();
  }

  /**
   * Registrations queue for a few writer threads; each writer stores everything waiting, up to
   * {@link #maxRows()}, in one statement and one commit, so concurrent clients share round trips
   * and WAL flushes. A client still gets its answer only after its own row has committed.
   */
  interface GroupCommit {
    /** Writer threads, each with at most one statement in flight (at least 1). */
    @WithDefault("2")
    int writers();

    /** The most registrations one statement stores (1 stores each on its own). */
    @WithDefault("32")
    int maxRows();
  }
}
