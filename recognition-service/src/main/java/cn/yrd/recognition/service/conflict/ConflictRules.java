package cn.yrd.recognition.service.conflict;

import cn.yrd.contracts.OrgCategory;
import cn.yrd.contracts.Province;
import cn.yrd.contracts.Uscc;
import cn.yrd.contracts.recognition.ConflictType;
import cn.yrd.contracts.recognition.Severity;
import cn.yrd.contracts.registry.OrgStatus;
import cn.yrd.contracts.rules.RuleIds;
import cn.yrd.recognition.service.recognition.HomeProvince;
import cn.yrd.recognition.service.view.OrgSnapshot;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The conflict rules of the rulebook (docs/rules.md, R-CONFLICT-01 to 09), as pure functions of the
 * records they read and the business date. Each function covers one scope (an organization, a
 * normalized name, a person, a province's sequence) and returns every condition that holds in it on
 * that date; the detector opens, updates and resolves conflicts to match, the daily run
 * re-evaluates the scopes whose truth a date changes, and the reconciliation run calls the same
 * functions over the whole view.
 */
public final class ConflictRules {
  private ConflictRules() {}

  public static String usccScope(Uscc uscc) {
    return "uscc:" + uscc;
  }

  public static String nameScope(String normalizedName) {
    return "name:" + normalizedName;
  }

  public static String personScope(String personRef) {
    return "person:" + personRef;
  }

  public static String provinceScope(Province province) {
    return "province:" + province.name();
  }

  /**
   * DUPLICATE_REGISTRATION (R-CONFLICT-01), REGION_MISMATCH (02), STATUS_DIVERGENCE (07) and
   * SANCTION_RATING (08) of one code.
   */
  public static List<Condition> forOrganization(
      Uscc uscc, List<OrgSnapshot> records, boolean liveRecognition, LocalDate today) {
    List<Condition> found = new ArrayList<>();
    List<OrgSnapshot> active = records.stream().filter(OrgSnapshot::isActive).toList();
    if (active.size() >= 2) {
      found.add(
          condition(
              ConflictType.DUPLICATE_REGISTRATION,
              RuleIds.DUPLICATE_REGISTRATION,
              "DUPLICATE_REGISTRATION:" + uscc,
              active,
              Map.of("activeIn", provinces(active))));
    }
    for (OrgSnapshot r : records) {
      Optional<Province> issuedIn = r.issuingProvince();
      boolean foreign = issuedIn.map(p -> p != r.province()).orElse(true);
      if (r.isActive() && foreign && r.transferredFrom() == null) {
        found.add(
            condition(
                ConflictType.REGION_MISMATCH,
                RuleIds.REGION_MISMATCH,
                "REGION_MISMATCH:" + uscc + ":" + r.province(),
                List.of(r),
                evidence(
                    "heldBy", r.province().name(),
                    "divisionCode", uscc.divisionCode(),
                    "issuedIn",
                        issuedIn.map(Province::name).orElse("national or outside the delta"))));
      }
    }
    HomeProvince.record(uscc, records)
        .filter(home -> home.status() != OrgStatus.ACTIVE && home.transferredTo() == null)
        .ifPresent(
            home -> {
              // The home recorded no transfer out, so any other ACTIVE record diverges from it.
              List<OrgSnapshot> stillActive = active;
              if (!stillActive.isEmpty() || liveRecognition) {
                List<OrgSnapshot> involved = new ArrayList<>(stillActive);
                involved.add(home);
                found.add(
                    condition(
                        ConflictType.STATUS_DIVERGENCE,
                        RuleIds.STATUS_DIVERGENCE,
                        "STATUS_DIVERGENCE:" + uscc,
                        involved,
                        evidence(
                            "home", home.province().name(),
                            "homeStatus", home.status().name(),
                            "activeIn", provinces(stillActive),
                            "liveRecognition", liveRecognition)));
              }
            });
    sanctionRating(uscc, records, today).ifPresent(found::add);
    return found;
  }

  /**
   * NAME_COLLISION (R-CONFLICT-03): ACTIVE organizations of different codes in different provinces,
   * one name.
   */
  public static Optional<Condition> forName(String normalizedName, List<OrgSnapshot> withName) {
    List<OrgSnapshot> active = withName.stream().filter(OrgSnapshot::isActive).toList();
    long codes = active.stream().map(OrgSnapshot::uscc).distinct().count();
    long provinces = active.stream().map(OrgSnapshot::province).distinct().count();
    if (codes < 2 || provinces < 2 || normalizedName.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        condition(
            ConflictType.NAME_COLLISION,
            RuleIds.NAME_COLLISION,
            "NAME_COLLISION:" + normalizedName,
            active,
            evidence(
                "normalizedName",
                normalizedName,
                "names",
                active.stream().map(r -> r.province() + ": " + r.name()).sorted().toList())));
  }

  /**
   * LEGAL_REP_CONCURRENT of one person, for social groups (R-CONFLICT-04) and for foundations
   * (R-CONFLICT-05), and LEGAL_REP_BARRED (R-CONFLICT-06) while a revocation's bar lasts: the bar
   * of a revocation on day r ends on the first day d with {@code d - barYears >= r}.
   */
  public static List<Condition> forPerson(
      String personRef, List<OrgSnapshot> represented, LocalDate today, int barYears) {
    List<Condition> found = new ArrayList<>();
    List<OrgSnapshot> active = represented.stream().filter(OrgSnapshot::isActive).toList();
    List<OrgSnapshot> activeGroups =
        active.stream().filter(r -> r.category() == OrgCategory.SOCIAL_GROUP).toList();
    if (distinctCodes(activeGroups) >= 2) {
      found.add(
          condition(
              ConflictType.LEGAL_REP_CONCURRENT,
              RuleIds.SOCIAL_GROUP_REP_CONCURRENT,
              "LEGAL_REP_CONCURRENT:" + personRef,
              activeGroups,
              evidence("personRef", personRef, "socialGroups", usccs(activeGroups))));
    }
    List<OrgSnapshot> foundations =
        active.stream().filter(r -> r.category() == OrgCategory.FOUNDATION).toList();
    if (!foundations.isEmpty() && distinctCodes(active) >= 2) {
      found.add(
          condition(
              ConflictType.LEGAL_REP_CONCURRENT,
              RuleIds.FOUNDATION_REP_EXCLUSIVE,
              "LEGAL_REP_CONCURRENT:FOUNDATION:" + personRef,
              active,
              evidence(
                  "personRef",
                  personRef,
                  "foundations",
                  usccs(foundations),
                  "organizations",
                  usccs(active))));
    }
    List<OrgSnapshot> barring =
        represented.stream().filter(r -> barStillRuns(r, today, barYears)).toList();
    if (!barring.isEmpty()) {
      active.stream()
          .map(OrgSnapshot::uscc)
          .filter(uscc -> barring.stream().noneMatch(revoked -> revoked.uscc().equals(uscc)))
          .distinct()
          .forEach(activeUscc -> found.add(barred(personRef, activeUscc, active, barring)));
    }
    return found;
  }

  /** Whether a record revoked on day r still bars its representative on {@code today}. */
  static boolean barStillRuns(OrgSnapshot r, LocalDate today, int barYears) {
    return r.revocationDate() != null && r.revocationDate().isAfter(today.minusYears(barYears));
  }

  private static Condition barred(
      String personRef, Uscc activeUscc, List<OrgSnapshot> active, List<OrgSnapshot> barring) {
    List<OrgSnapshot> activeRecords =
        active.stream().filter(r -> r.uscc().equals(activeUscc)).toList();
    List<OrgSnapshot> involved = new ArrayList<>(barring);
    involved.addAll(activeRecords);
    boolean foundation =
        activeRecords.stream().anyMatch(r -> r.category() == OrgCategory.FOUNDATION);
    return new Condition(
        ConflictType.LEGAL_REP_BARRED,
        RuleIds.LEGAL_REP_BARRED,
        foundation ? Severity.HIGH : Severity.MEDIUM,
        "LEGAL_REP_BARRED:" + personRef + ":" + activeUscc,
        usccs(involved),
        provinces(involved),
        evidence(
            "personRef",
            personRef,
            "activeOrganization",
            activeUscc.value(),
            "revoked",
            barring.stream()
                .map(r -> r.uscc() + " (" + r.province() + ", " + r.revocationDate() + ")")
                .sorted()
                .toList()));
  }

  /** SEQUENCE_GAP (R-CONFLICT-09): a gap in a province's sequence open past the threshold. */
  public static Optional<Condition> forSequence(
      Province province, long contiguous, long highest, boolean openPastThreshold) {
    if (highest <= contiguous || !openPastThreshold) {
      return Optional.empty();
    }
    return Optional.of(
        new Condition(
            ConflictType.SEQUENCE_GAP,
            RuleIds.SEQUENCE_GAP,
            ConflictType.SEQUENCE_GAP.defaultSeverity(),
            "SEQUENCE_GAP:" + province,
            List.of(),
            List.of(province.name()),
            evidence("missingFrom", contiguous + 1, "highestSeen", highest)));
  }

  /**
   * Only ACTIVE records count: a revoked or transferred-out record keeps the grade it last had, but
   * no province holds it any more.
   */
  private static Optional<Condition> sanctionRating(
      Uscc uscc, List<OrgSnapshot> records, LocalDate today) {
    List<OrgSnapshot> graded =
        records.stream().filter(r -> r.isActive() && r.hasValidGrade(today)).toList();
    List<OrgSnapshot> listedWithGrade =
        graded.stream().filter(r -> r.abnormalListed() || r.seriousListed()).toList();
    boolean gradesDiffer = graded.stream().map(OrgSnapshot::gradeLevel).distinct().count() >= 2;
    if (listedWithGrade.isEmpty() && !gradesDiffer) {
      return Optional.empty();
    }
    List<OrgSnapshot> involved = gradesDiffer ? graded : listedWithGrade;
    return Optional.of(
        condition(
            ConflictType.SANCTION_RATING,
            RuleIds.SANCTION_RATING,
            "SANCTION_RATING:" + uscc,
            involved,
            evidence(
                "listedWithValidGrade",
                provinces(listedWithGrade),
                "grades",
                graded.stream()
                    .collect(
                        Collectors.toMap(
                            r -> r.province().name(),
                            r -> r.gradeLevel() + "A",
                            (a, b) -> a,
                            LinkedHashMap::new)))));
  }

  private static Condition condition(
      ConflictType type,
      String ruleId,
      String key,
      List<OrgSnapshot> involved,
      Map<String, Object> evidence) {
    return new Condition(
        type, ruleId, type.defaultSeverity(), key, usccs(involved), provinces(involved), evidence);
  }

  private static long distinctCodes(List<OrgSnapshot> records) {
    return records.stream().map(OrgSnapshot::uscc).distinct().count();
  }

  private static List<String> usccs(List<OrgSnapshot> records) {
    return records.stream().map(r -> r.uscc().value()).distinct().sorted().toList();
  }

  private static List<String> provinces(List<OrgSnapshot> records) {
    return records.stream().map(r -> r.province().name()).distinct().sorted().toList();
  }

  private static Map<String, Object> evidence(Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }
}
