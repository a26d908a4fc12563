package cn.yrd.recognition.service.clearance;

import cn.yrd.contracts.Uscc;
import cn.yrd.recognition.service.conflict.Condition;
import cn.yrd.recognition.service.conflict.ConflictRules;
import cn.yrd.recognition.service.view.OrgSnapshot;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * 登记前核查: the conflicts an intended registration would raise, found by the same rules that judge
 * real records, run once on what the view holds and once with the intended record added. What
 * appears only the second time, and involves the intended record, is what registering it would
 * cause.
 */
public final class ClearanceRules {
  private ClearanceRules() {}

  /** What the view holds about the intended record's code, name and person. */
  public record Neighbourhood(
      List<OrgSnapshot> sameCode,
      List<OrgSnapshot> sameName,
      List<OrgSnapshot> samePerson,
      boolean liveRecognition) {}

  /** The conditions registering {@code intended} would bring about, none if it is clear. */
  public static List<Condition> wouldRaise(
      OrgSnapshot intended, Neighbourhood around, LocalDate today, int barYears) {
    List<Condition> before = judge(intended, around, today, barYears, false);
    Set<String> holding = new HashSet<>();
    before.forEach(c -> holding.add(c.key() + "|" + c.fingerprint()));
    List<Condition> raised = new ArrayList<>();
    for (Condition c : judge(intended, around, today, barYears, true)) {
      boolean involvesIt =
          c.usccs().contains(intended.uscc().value())
              && c.provinces().contains(intended.province().name());
      if (involvesIt && !holding.contains(c.key() + "|" + c.fingerprint())) {
        raised.add(c);
      }
    }
    return raised;
  }

  private static List<Condition> judge(
      OrgSnapshot intended,
      Neighbourhood around,
      LocalDate today,
      int barYears,
      boolean withIntended) {
    Uscc uscc = intended.uscc();
    List<Condition> found = new ArrayList<>();
    found.addAll(
        ConflictRules.forOrganization(
            uscc,
            with(around.sameCode(), intended, withIntended),
            around.liveRecognition(),
            today));
    if (!intended.normalizedName().isEmpty()) {
      ConflictRules.forName(
              intended.normalizedName(), with(around.sameName(), intended, withIntended))
          .ifPresent(found::add);
    }
    if (intended.personRef() != null) {
      found.addAll(
          ConflictRules.forPerson(
              intended.personRef(),
              with(around.samePerson(), intended, withIntended),
              today,
              barYears));
    }
    return found;
  }

  /** The records, with the intended one in place of its province's record of the same code. */
  private static List<OrgSnapshot> with(
      List<OrgSnapshot> records, OrgSnapshot intended, boolean withIntended) {
    List<OrgSnapshot> all = new ArrayList<>();
    for (OrgSnapshot r : records) {
      if (!withIntended
          || !(r.uscc().equals(intended.uscc()) && r.province() == intended.province())) {
        all.add(r);
      }
    }
    if (withIntended) {
      all.add(intended);
    }
    return all;
  }
}
