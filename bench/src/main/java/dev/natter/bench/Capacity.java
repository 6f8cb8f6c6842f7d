package dev.natter.bench;

import java.net.URI;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Idle streams added in batches until the target or until the gateway (or the OS) refuses. */
final class Capacity {

  private static final Logger log = LoggerFactory.getLogger(Capacity.class);
  private static final int BATCH = 1_000;
  private static final Duration BATCH_TIMEOUT = Duration.ofSeconds(60);

  private final URI gateway;
  private final long pid;

  /**
   * @param pid the gateway's process, or -1 when it runs elsewhere
   */
  Capacity(URI gateway, long pid) {
    this.gateway = gateway;
    this.pid = pid;
  }

  /**
   * What the capacity run measured.
   *
   * @param target streams asked for
   * @param held streams still open after the hold period
   * @param failed streams that never opened
   * @param before the gateway's memory before the run
   * @param after its memory with the streams held
   */
  record Result(int target, int held, int failed, Footprint before, Footprint after) {

    /** Heap each held stream adds, in bytes. */
    double heapPerConnection() {
      return held == 0 ? Double.NaN : (double) (after.heapBytes() - before.heapBytes()) / held;
    }

    /** Resident memory each held stream adds, in bytes; NaN when unknown. */
    double rssPerConnection() {
      return held == 0 || after.rssBytes() < 0
          ? Double.NaN
          : (double) (after.rssBytes() - before.rssBytes()) / held;
    }
  }

  Result run(int asked) throws Exception {
    int target = Math.min(asked, FileLimit.spare());
    if (target < asked) {
      log.warn("Only {} streams fit in this process's open-file limit", target);
    }
    Footprint before = Footprint.of(gateway, pid, 0);
    try (Streams streams = new Streams(gateway)) {
      for (int opened = 0; opened < target && streams.failed() == 0; ) {
        int batch = Math.min(BATCH, target - opened);
        for (int i = 0; i < batch; i++) {
          streams.open("idle-" + (opened + i) % 100, (id, intended) -> {});
        }
        opened += batch;
        int goal = opened;
        Await.until(() -> streams.opened() + streams.failed() >= goal, BATCH_TIMEOUT);
        log.info("{} idle streams open, {} failed", streams.held(), streams.failed());
      }
      // The streams must stay open, not merely open: held a while, longer the more there are.
      Thread.sleep(Math.min(10_000, 2_000 + streams.held()));
      Footprint after = Footprint.of(gateway, pid, streams.held());
      return new Result(asked, streams.held(), streams.failed(), before, after);
    }
  }
}
