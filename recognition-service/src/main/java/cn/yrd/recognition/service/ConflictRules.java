package cn.yrd.recognition.service;

import cn.yrd.contracts.OrgCategory;
import cn.yrd.contracts.Province;
import cn.yrd.contracts.recognition.ConflictType;
import cn.yrd.contracts.recognition.Severity;
import cn.yrd.contracts.registry.OrgStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The conflict rules of domain.md, as pure functions over the records they read. Each function
 * covers one scope (an organization, a normalized name, a person, a province's sequence) and
 * returns every condition that holds in it now; the detector opens, updates and resolves conflicts
 * to match, and the reconciliation run calls the same functions over the whole view.
 */
public final class ConflictRules {
  private ConflictRules() {}

  public static String usccScope(String uscc) {
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

  /** DUPLICATE_REGISTRATION, REGION_MISMATCH, STATUS_DIVERGENCE, SANCTION_RATING of one code. */
  public static List<Condition> forOrganization(
      String uscc, List<OrgSnapshot> records, boolean liveRecognition, LocalDate today) {
    List<Condition> found = new ArrayList<>();
    List<OrgSnapshot> active = records.stream().filter(OrgSnapshot::isActive).toList();
    if (active.size() >= 2) {
      found.add(
          condition(
              ConflictType.DUPLICATE_REGISTRATION,
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
                "REGION_MISMATCH:" + uscc + ":" + r.province(),
                List.of(r),
                evidence(
                    "heldBy", r.province().name(),
                    "divisionCode", uscc.substring(2, 8),
                    "issuedIn",
                        issuedIn.map(Province::name).orElse("national or outside the delta"))));
      }
    }
    homeRecord(uscc, records)
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

  /** NAME_COLLISION: ACTIVE organizations of different codes in different provinces, one name. */
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
            "NAME_COLLISION:" + normalizedName,
            active,
            evidence(
                "normalizedName",
                normalizedName,
                "names",
                active.stream().map(r -> r.province() + ": " + r.name()).sorted().toList())));
  }

  /** LEGAL_REP_CONCURRENT and LEGAL_REP_BARRED of one person. */
  public static List<Condition> forPerson(
      String personRef, List<OrgSnapshot> represented, LocalDate today, int barYears) {
    List<Condition> found = new ArrayList<>();
    List<OrgSnapshot> activeGroups =
        represented.stream()
            .filter(r -> r.isActive() && r.category() == OrgCategory.SOCIAL_GROUP)
            .toList();
    if (activeGroups.stream().map(OrgSnapshot::uscc).distinct().count() >= 2) {
      found.add(
          condition(
              ConflictType.LEGAL_REP_CONCURRENT,
              "LEGAL_REP_CONCURRENT:" + personRef,
              activeGroups,
              evidence("personRef", personRef, "socialGroups", usccs(activeGroups))));
    }
    List<OrgSnapshot> recentlyRevoked =
        represented.stream()
            .filter(
                r ->
                    r.revocationDate() != null
                        && r.revocationDate().isAfter(today.minusYears(barYears)))
            .toList();
    if (!recentlyRevoked.isEmpty()) {
      represented.stream()
          .filter(OrgSnapshot::isActive)
          .filter(
              r -> recentlyRevoked.stream().noneMatch(revoked -> revoked.uscc().equals(r.uscc())))
          .map(OrgSnapshot::uscc)
          .distinct()
          .forEach(
              activeUscc -> {
                List<OrgSnapshot> involved = new ArrayList<>(recentlyRevoked);
                List<OrgSnapshot> activeRecords =
                    represented.stream()
                        .filter(r -> r.isActive() && r.uscc().equals(activeUscc))
                        .toList();
                involved.addAll(activeRecords);
                boolean foundation =
                    activeRecords.stream().anyMatch(r -> r.category() == OrgCategory.FOUNDATION);
                found.add(
                    new Condition(
                        ConflictType.LEGAL_REP_BARRED,
                        foundation ? Severity.HIGH : Severity.MEDIUM,
                        "LEGAL_REP_BARRED:" + personRef + ":" + activeUscc,
                        usccs(involved),
                        provinces(involved),
                        evidence(
                            "personRef",
                            personRef,
                            "activeOrganization",
                            activeUscc,
                            "revoked",
                            recentlyRevoked.stream()
                                .map(
                                    r ->
                                        r.uscc()
                                            + " ("
                                            + r.province()
                                            + ", "
                                            + r.revocationDate()
                                            + ")")
                                .sorted()
                                .toList())));
              });
    }
    return found;
  }

  /** SEQUENCE_GAP: a gap in a province's sequence open longer than the threshold. */
  public static Optional<Condition> forSequence(
      Province province, long contiguous, long highest, boolean openPastThreshold) {
    if (highest <= contiguous || !openPastThreshold) {
      return Optional.empty();
    }
    return Optional.of(
        new Condition(
            ConflictType.SEQUENCE_GAP,
            ConflictType.SEQUENCE_GAP.defaultSeverity(),
            "SEQUENCE_GAP:" + province,
            List.of(),
            List.of(province.name()),
            evidence("missingFrom", contiguous + 1, "highestSeen", highest)));
  }

  /** The record of the province the code was issued in, or the one a transfer moved it to. */
  static Optional<OrgSnapshot> homeRecord(String uscc, List<OrgSnapshot> records) {
    Optional<OrgSnapshot> issued =
        records.stream()
            .filter(r -> r.issuingProvince().filter(p -> p == r.province()).isPresent())
            .findFirst();
    if (issued.isPresent() && issued.get().transferredTo() != null) {
      Province movedTo = issued.get().transferredTo();
      return records.stream().filter(r -> r.province() == movedTo).findFirst().or(() -> issued);
    }
    return issued;
  }

  private static Optional<Condition> sanctionRating(
      String uscc, List<OrgSnapshot> records, LocalDate today) {
    List<OrgSnapshot> listedWithGrade =
        records.stream()
            .filter(r -> (r.abnormalListed() || r.seriousListed()) && r.hasValidGrade(today))
            .toList();
    List<OrgSnapshot> graded = records.stream().filter(r -> r.hasValidGrade(today)).toList();
    boolean gradesDiffer = graded.stream().map(OrgSnapshot::gradeLevel).distinct().count() >= 2;
    if (listedWithGrade.isEmpty() && !gradesDiffer) {
      return Optional.empty();
    }
    List<OrgSnapshot> involved = gradesDiffer ? graded : listedWithGrade;
    return Optional.of(
        condition(
            ConflictType.SANCTION_RATING,
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
      ConflictType type, String key, List<OrgSnapshot> involved, Map<String, Object> evidence) {
    return new Condition(
        type, type.defaultSeverity(), key, usccs(involved), provinces(involved), evidence);
  }

  private static List<String> usccs(List<OrgSnapshot> records) {
    return records.stream().map(OrgSnapshot::uscc).distinct().sorted().toList();
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
