package dev.natter.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** CPU used by each of a few processes between a mark and now, as a share of one core. */
final class Cpu {

  private final Map<String, Long> pids;
  private final Map<String, Double> marked = new LinkedHashMap<>();
  private volatile long markedAt;

  Cpu(Map<String, Long> pids) {
    this.pids = new LinkedHashMap<>(pids);
    this.pids.put("bench", ProcessHandle.current().pid());
    mark();
  }

  synchronized void mark() {
    pids.forEach((name, pid) -> marked.put(name, ProcessStats.cpuSeconds(pid)));
    markedAt = System.nanoTime();
  }

  /** 1.0 is one core busy all the time; the machine has {@code nproc} of them. */
  synchronized Map<String, Double> sharesSinceMark() {
    double seconds = (System.nanoTime() - markedAt) / 1e9;
    Map<String, Double> shares = new LinkedHashMap<>();
    pids.forEach(
        (name, pid) ->
            shares.put(name, (ProcessStats.cpuSeconds(pid) - marked.get(name)) / seconds));
    return shares;
  }
}
