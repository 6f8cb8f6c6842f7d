package dev.natter.gateway.presence;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.JmsException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Clears lapsed presence records, announcing who left without their gateway saying so. */
@Component
class PresenceSweep {

  private static final Logger log = LoggerFactory.getLogger(PresenceSweep.class);

  private final Map<String, PresenceRecord> records;
  private final PresenceEvents events;
  private final Clock clock;

  PresenceSweep(Presence presence, PresenceEvents events, Clock clock) {
    this.records = presence.records();
    this.events = events;
    this.clock = clock;
  }

  /**
   * Announces that people left whose presence lapsed: their gateway stopped refreshing it. Who left
   * by closing their streams was announced by their gateway; their records are only dropped.
   */
  @Scheduled(fixedDelay = 5_000)
  void sweep() {
    long now = clock.millis();
    Map<String, List<PresenceRecord>> byMembership =
        records.values().stream()
            .filter(record -> PresenceRecord.MEMBER.equals(record.kind()))
            .collect(Collectors.groupingBy(record -> record.room() + "|" + record.key()));
    byMembership.forEach(
        (membership, memberships) -> {
          if (memberships.stream().noneMatch(record -> record.isLive(now))) {
            PresenceRecord last =
                memberships.stream().max(Comparator.comparingLong(PresenceRecord::since)).get();
            try {
              if (memberships.stream().anyMatch(PresenceRecord::present)) {
                events.left(last.room(), last.nick(), last.key(), last.since());
              }
              memberships.forEach(record -> records.remove(record.lastValueKey(), record));
            } catch (JmsException e) {
              log.warn(
                  "NATTER-PRESENCE-003 Could not announce that {} left {}, retrying in the next"
                      + " sweep: {}",
                  last.nick(),
                  last.room(),
                  e.getMostSpecificCause().getMessage());
            }
          }
        });
    records
        .values()
        .removeIf(record -> PresenceRecord.CLAIM.equals(record.kind()) && !record.isLive(now));
  }
}
