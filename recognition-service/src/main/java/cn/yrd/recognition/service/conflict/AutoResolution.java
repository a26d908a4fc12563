package cn.yrd.recognition.service.conflict;

import cn.yrd.contracts.recognition.ConflictType;
import java.util.function.Function;

/** Why a conflict resolved itself (AUTO): an event changed the records, or a date passed. */
public final class AutoResolution {
  /** An event changed the records so that the condition no longer holds. */
  public static final String RECORDS_CHANGED = "RECORDS_CHANGED";

  /** A revocation's bar ended (R-CONFLICT-06). */
  public static final String BAR_ENDED = "BAR_ENDED";

  /** The grade the conflict was about expired (R-CONFLICT-08). */
  public static final String GRADE_EXPIRED = "GRADE_EXPIRED";

  /** Another date-driven change. */
  public static final String DATE_PASSED = "DATE_PASSED";

  private AutoResolution() {}

  /** Reasons for conflicts that an event's evaluation resolves. */
  public static final Function<ConflictType, String> BY_EVENT = type -> RECORDS_CHANGED;

  /** Reasons for conflicts that the daily evaluation of the date-driven scopes resolves. */
  public static final Function<ConflictType, String> BY_DATE =
      type ->
          switch (type) {
            case LEGAL_REP_BARRED -> BAR_ENDED;
            case SANCTION_RATING -> GRADE_EXPIRED;
            default -> DATE_PASSED;
          };
}
