package dev.natter.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The benchmark at a tiny size, on the real processes, so that the harness cannot rot: every figure
 * is printed and every message reaches every stream of its room, exactly once.
 */
class BenchSmokeIntegrationTests {

  @Test
  void printsEveryFigureAndDeliversEveryMessageToEveryStreamOfItsRoom() throws Exception {
    Options options =
        Options.parse(
            "--subscribers", "20",
            "--rooms", "2",
            "--producers", "2",
            "--rate", "40",
            "--warmup", "2s",
            "--duration", "5s",
            "--capacity", "100",
            "--baseline", "2s",
            "--output", System.getProperty("natter.bench-output", "target/smoke"));
    ByteArrayOutputStream printed = new ByteArrayOutputStream();

    BenchResult result =
        new Bench(options, new PrintStream(printed, true, StandardCharsets.UTF_8)).run();

    String report = printed.toString(StandardCharsets.UTF_8);
    System.out.println(report);
    assertThat(result.load().sent()).isEqualTo(280);
    assertThat(result.load().refused()).isZero();
    assertThat(result.load().delivered()).isEqualTo(280 * 10);
    assertThat(result.load().incomplete()).isZero();
    assertThat(result.capacity().held()).isEqualTo(100);
    assertThat(result.plot()).isNotEmptyFile();
    assertThat(report)
        .contains("latency (ms, corrected for coordinated omission): p50")
        .contains("p99.9")
        .contains("delivered events/s")
        .contains("gateway heap")
        .contains("cpu gateway")
        .contains("connections held 100")
        .contains("heap per connection")
        .contains("artemis perf client msg/s")
        .contains("raw JMS round trip (ms): p50")
        .contains("ratio pipeline msg/s to artemis perf");
  }
}
