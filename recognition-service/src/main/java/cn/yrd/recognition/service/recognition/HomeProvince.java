package cn.yrd.recognition.service.recognition;

import cn.yrd.contracts.Province;
import cn.yrd.contracts.Uscc;
import cn.yrd.recognition.service.view.OrgSnapshot;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * R-HOME-01, the one definition of an organization's home province that every rule and every
 * recognition uses: the province that issued the code, or the end of its chain of recorded
 * transfers (迁移登记).
 */
public final class HomeProvince {
  private HomeProvince() {}

  /**
   * The home registry's record: start at the issuing province's record and follow each recorded
   * transfer to the record of the province it went to, as long as that province published one.
   * Empty when the issuing province holds no record (or the code was not issued in the delta).
   */
  public static Optional<OrgSnapshot> record(Uscc uscc, List<OrgSnapshot> records) {
    Optional<Province> issuer = uscc.province();
    Optional<OrgSnapshot> current =
        issuer.flatMap(p -> records.stream().filter(r -> r.province() == p).findFirst());
    Set<Province> visited = EnumSet.noneOf(Province.class);
    while (current.isPresent()
        && current.get().transferredTo() != null
        && visited.add(current.get().province())) {
      Province next = current.get().transferredTo();
      Optional<OrgSnapshot> moved = records.stream().filter(r -> r.province() == next).findFirst();
      if (moved.isEmpty() || visited.contains(next)) {
        break;
      }
      current = moved;
    }
    return current;
  }

  /** The home province: that of the home record, else the province that issued the code. */
  public static Optional<Province> of(Uscc uscc, List<OrgSnapshot> records) {
    return record(uscc, records).map(OrgSnapshot::province).or(() -> uscc.province());
  }
}
