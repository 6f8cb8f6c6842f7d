package dev.natter.bench;

import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What a load run measured.
 *
 * @param streams streams that opened
 * @param sent messages submitted
 * @param refused submissions not answered 202
 * @param expected deliveries owed: each message to every stream of its room
 * @param delivered deliveries made
 * @param incomplete messages not delivered exactly once to every stream of their room
 * @param eventsPerSecond deliveries per second in the measured window
 * @param latency submit to delivered, microseconds, measured window only
 * @param accepted submit to 202 Accepted, microseconds
 * @param cpu share of one core per process over the measured window
 * @param footprint the gateway's memory with the streams open
 */
record LoadResult(
    Options options,
    int streams,
    long sent,
    long refused,
    long expected,
    long delivered,
    long incomplete,
    double eventsPerSecond,
    Histogram latency,
    Histogram accepted,
    Map<String, Double> cpu,
    Footprint footprint) {

  LoadResult withFootprint(Footprint measured) {
    return new LoadResult(
        options,
        streams,
        sent,
        refused,
        expected,
        delivered,
        incomplete,
        eventsPerSecond,
        latency,
        accepted,
        cpu,
        measured);
  }

  /** Messages per second through the whole pipeline: submitted and delivered. */
  double messagesPerSecond() {
    int perRoom = Math.max(1, streams / options.rooms());
    return eventsPerSecond / perRoom;
  }
}
