package cn.yrd.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pipeline's warm-up imports stop once one is no longer a tenth faster than the one before. */
class PipelineWarmUpTest {

  @ParameterizedTest(name = "end to end {0} s, at most {1}: {2} imports")
  @CsvSource({
    "'88.0 61.9 51.0 50.1', 3, 3",
    "'88.0 61.9 58.0', 3, 3",
    "'88.0 80.0', 3, 2",
    "'88.0 95.0', 3, 2",
    "'88.0 61.9', 1, 1",
    "'88.0 79.1 70.0', 3, 3",
  })
  void warmsUntilAnImportIsNoLongerATenthFaster(String endToEnd, int maximum, int expected)
      throws Exception {
    Deque<Double> times =
        new ArrayDeque<>(Arrays.stream(endToEnd.split(" ")).map(Double::valueOf).toList());

    List<Benchmarks.Pipeline> runs =
        Benchmarks.warmUntilSettled(maximum, () -> pipelineOf(times.removeFirst()));

    assertThat(runs).hasSize(expected);
  }

  @ParameterizedTest(name = "end to end {0} s settled: {1}")
  @CsvSource({
    "'88.0', false",
    "'88.0 61.9', false",
    "'61.9 55.8', true",
    "'61.9 55.7', false",
    "'61.9 70.0', true",
  })
  void aRunIsSettledWhenItIsLessThanATenthSoonerThanTheOneBefore(String endToEnd, boolean settled) {
    List<Benchmarks.Pipeline> runs =
        Arrays.stream(endToEnd.split(" ")).map(t -> pipelineOf(Double.valueOf(t))).toList();

    assertThat(Benchmarks.settled(runs)).isEqualTo(settled);
  }

  private static Benchmarks.Pipeline pipelineOf(double endToEnd) {
    // Audit catches up a second before recognition: the later of the two is the end.
    return new Benchmarks.Pipeline(200_000, endToEnd / 2, endToEnd, endToEnd - 1);
  }
}
