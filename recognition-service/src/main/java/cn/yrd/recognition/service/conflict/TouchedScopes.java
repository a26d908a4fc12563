package cn.yrd.recognition.service.conflict;

import cn.yrd.contracts.Province;
import cn.yrd.contracts.Uscc;
import cn.yrd.recognition.service.view.OrgSnapshot;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;

/** The rule scopes a batch of events changed; each is evaluated once, after the whole batch. */
public final class TouchedScopes {
  final Set<Uscc> usccs = new LinkedHashSet<>();
  final Set<String> names = new LinkedHashSet<>();
  final Set<String> persons = new LinkedHashSet<>();
  final Set<Province> sequences = EnumSet.noneOf(Province.class);

  /** The scopes of a record before (null if new) and after a change. */
  public void changed(OrgSnapshot before, OrgSnapshot after) {
    usccs.add(after.uscc());
    names.add(after.normalizedName());
    persons.add(after.personRef());
    if (before != null) {
      names.add(before.normalizedName());
      persons.add(before.personRef());
    }
  }

  public void sequence(Province province) {
    sequences.add(province);
  }

  public void organization(Uscc uscc) {
    usccs.add(uscc);
  }

  public void person(String personRef) {
    persons.add(personRef);
  }

  public boolean isEmpty() {
    return usccs.isEmpty() && names.isEmpty() && persons.isEmpty() && sequences.isEmpty();
  }
}
