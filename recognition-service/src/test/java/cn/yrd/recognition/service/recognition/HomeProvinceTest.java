package cn.yrd.recognition.service.recognition;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yrd.contracts.OrgCategory;
import cn.yrd.contracts.Province;
import cn.yrd.contracts.Uscc;
import cn.yrd.contracts.UsccGenerator;
import cn.yrd.recognition.service.view.OrgSnapshot;
import cn.yrd.recognition.service.view.Snapshot;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** R-HOME-01: the issuer, or the end of the chain of recorded transfers. */
class HomeProvinceTest {
  private static final String SH_CODE =
      UsccGenerator.generate(Province.SH, "310115", OrgCategory.SOCIAL_GROUP, 11).value();

  private static List<OrgSnapshot> records(Snapshot... snapshots) {
    return Arrays.stream(snapshots).map(Snapshot::build).toList();
  }

  static Stream<Arguments> chains() {
    return Stream.of(
        Arguments.of("no record: the issuer", records(), Province.SH),
        Arguments.of(
            "held only by the issuer", records(Snapshot.of(SH_CODE, Province.SH)), Province.SH),
        Arguments.of(
            "held elsewhere without a transfer: still the issuer",
            records(Snapshot.of(SH_CODE, Province.JS)),
            Province.SH),
        Arguments.of(
            "one transfer",
            records(
                Snapshot.of(SH_CODE, Province.SH).transferredTo(Province.JS),
                Snapshot.of(SH_CODE, Province.JS).transferredFrom(Province.SH)),
            Province.JS),
        Arguments.of(
            "a transfer the destination has not yet published: the issuer until it does",
            records(Snapshot.of(SH_CODE, Province.SH).transferredTo(Province.JS)),
            Province.SH),
        Arguments.of(
            "two transfers: the end of the chain",
            records(
                Snapshot.of(SH_CODE, Province.SH).transferredTo(Province.JS),
                Snapshot.of(SH_CODE, Province.JS)
                    .transferredFrom(Province.SH)
                    .transferredTo(Province.AH),
                Snapshot.of(SH_CODE, Province.AH).transferredFrom(Province.JS)),
            Province.AH),
        Arguments.of(
            "a chain that loops back stops where it would repeat",
            records(
                Snapshot.of(SH_CODE, Province.SH).transferredTo(Province.JS),
                Snapshot.of(SH_CODE, Province.JS).transferredTo(Province.SH)),
            Province.JS));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("chains")
  void homeProvince(String name, List<OrgSnapshot> records, Province expected) {
    assertThat(HomeProvince.of(Uscc.parse(SH_CODE), records)).isEqualTo(Optional.of(expected));
  }
}
