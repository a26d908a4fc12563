package cn.yrd.audit.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TilePathTest {

  @ParameterizedTest
  @CsvSource({
    "0, 256, 000",
    "7, 256, 007",
    "999, 256, 999",
    "1000, 256, x001/000",
    "1234067, 256, x001/x234/067",
    "1234067, 5, x001/x234/067.p/5",
    "0, 255, 000.p/255"
  })
  void encodesAndParsesTheCanonicalPath(long index, int width, String path) {
    assertThat(new TilePath(index, width)).hasToString(path);
    assertThat(TilePath.parse(path)).contains(new TilePath(index, width));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "1",
        "01",
        "x000/001",
        "001/002",
        "x1/001",
        "000.p/0",
        "000.p/256",
        "000.p/07",
        "000.p/",
        "../000",
        "x001/x002/x003/x004/x005/x006/x007/008"
      })
  void refusesAnyOtherEncoding(String path) {
    assertThat(TilePath.parse(path)).isEqualTo(Optional.empty());
  }
}
