package dev.natter.bench;

import java.net.URI;

/**
 * The gateway's memory while holding {@code connections} streams: live heap after a full collection
 * (when it runs here) and resident set size; -1 where unknown.
 */
record Footprint(int connections, long heapBytes, long rssBytes) {

  static Footprint of(URI gateway, long pid, int connections) throws Exception {
    if (pid > 0) {
      ProcessStats.collect(pid);
    }
    long rss = pid > 0 ? ProcessStats.rssBytes(pid) : -1;
    return new Footprint(connections, ProcessStats.heapBytes(gateway), rss);
  }

  double heapPerConnection() {
    return connections == 0 ? Double.NaN : (double) heapBytes / connections;
  }

  double rssPerConnection() {
    return connections == 0 || rssBytes < 0 ? Double.NaN : (double) rssBytes / connections;
  }
}
