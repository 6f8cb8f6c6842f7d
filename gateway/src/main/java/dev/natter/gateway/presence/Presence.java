package dev.natter.gateway.presence;

import dev.natter.events.Nicks;
import dev.natter.gateway.session.EndedSessions;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Who is online, the same on every gateway replica: claimed nicks and each room's members, kept as
 * expiring records in a last-value queue in the broker and followed live by every replica. A nick
 * stays claimed while its owner has a stream open or keeps using it; a crashed gateway's people
 * lapse after the configured time.
 */
@Component
public class Presence {

  private static final Logger log = LoggerFactory.getLogger(Presence.class);

  private final String gateway = UUID.randomUUID().toString();
  private final Map<String, PresenceRecord> records = new ConcurrentHashMap<>();
  private final Map<String, Integer> localStreams = new HashMap<>();
  private final Map<String, String> localNicks = new HashMap<>();
  private final PresenceFeed feed;
  private final EndedSessions ended;
  private final PresenceEvents events;
  private final PresenceProperties properties;
  private final Clock clock;
  private volatile boolean stopping;

  Presence(
      PresenceFeed feed,
      PresenceEvents events,
      EndedSessions ended,
      PresenceProperties properties,
      Clock clock) {
    this.feed = feed;
    this.ended = ended;
    this.events = events;
    this.properties = properties;
    this.clock = clock;
    feed.onRecord(this::apply);
  }

  /** Claims {@code nick} for a new session and returns the session's id. */
  public String claim(String nick) {
    String key = Nicks.key(nick);
    PresenceRecord current = records.get(claimKey(key));
    if (current != null && current.isLive(now())) {
      throw new NickTakenException(nick, current.nick());
    }
    String session = UUID.randomUUID().toString();
    publish(claimRecord(nick, key, session, now(), true));
    return session;
  }

  /**
   * Whether {@code session} still holds {@code nick}, refreshing its claim; a lapsed claim that
   * nobody took meanwhile is taken back, unless the session ended (signed out, or changed nick).
   */
  public boolean holds(String nick, String session) {
    if (ended.isEnded(session)) {
      return false;
    }
    String key = Nicks.key(nick);
    PresenceRecord current = records.get(claimKey(key));
    if (current != null && current.isLive(now()) && !current.session().equals(session)) {
      return false;
    }
    long since = current != null && current.session().equals(session) ? current.since() : now();
    publish(claimRecord(nick, key, session, since, true));
    return true;
  }

  /** Gives up {@code nick}, if {@code session} holds it: its owner signed out or took another. */
  public void release(String nick, String session) {
    String key = Nicks.key(nick);
    PresenceRecord current = records.get(claimKey(key));
    if (current != null && current.session().equals(session)) {
      publish(claimRecord(nick, key, session, current.since(), false));
    }
  }

  /** Marks {@code nick} present in {@code room} until the returned handle is run. */
  public Runnable enter(String room, String nick, String session) {
    String key = Nicks.key(nick);
    boolean first;
    synchronized (this) {
      String stream = streamKey(room, key, session);
      first = localStreams.merge(stream, 1, Integer::sum) == 1;
      localNicks.put(stream, nick);
    }
    if (first) {
      long since = liveSince(room, key).orElseGet(() -> announceJoin(room, nick, key));
      publish(memberRecord(room, nick, key, session, since, true));
    }
    return () -> exit(room, nick, key, session);
  }

  /** The nicks present in {@code room}, sorted. */
  public List<String> members(String room) {
    return liveMembers()
        .filter(record -> room.equals(record.room()))
        .map(PresenceRecord::nick)
        .distinct()
        .sorted(String.CASE_INSENSITIVE_ORDER)
        .toList();
  }

  /** The rooms someone is present in. */
  public Set<String> rooms() {
    return liveMembers().map(PresenceRecord::room).collect(Collectors.toSet());
  }

  private Stream<PresenceRecord> liveMembers() {
    long now = now();
    return records.values().stream()
        .filter(record -> PresenceRecord.MEMBER.equals(record.kind()) && record.isLive(now));
  }

  /** Refreshes the claims and presence of the streams open here. */
  @Scheduled(fixedDelayString = "${natter.presence.refresh:15s}")
  void refresh() {
    Map<String, String> streams;
    synchronized (this) {
      streams = new HashMap<>(localNicks);
    }
    streams.forEach(
        (stream, nick) -> {
          String[] parts = stream.split("\\|", 3);
          String room = parts[0];
          String key = parts[1];
          String session = parts[2];
          if (!holds(nick, session)) {
            return;
          }
          long since = liveSince(room, key).orElse(now());
          publish(memberRecord(room, nick, key, session, since, true));
        });
  }

  /** Every record this replica knows, by last-value key; the sweep drops the lapsed. */
  Map<String, PresenceRecord> records() {
    return records;
  }

  /**
   * Counts a stream of {@code room} out; once the session's last one closed and the grace passed
   * without another opening, its owner leaves.
   */
  private void exit(String room, String nick, String key, String session) {
    String stream = streamKey(room, key, session);
    boolean last;
    synchronized (this) {
      last = localStreams.merge(stream, -1, Integer::sum) <= 0;
    }
    if (last) {
      Mono.delay(properties.grace(), Schedulers.boundedElastic())
          .subscribe(
              ignored -> leaveIfGone(room, nick, key, session, stream),
              error ->
                  log.warn(
                      "NATTER-PRESENCE-004 Could not record that {} left {}; it lapses after {}:"
                          + " {}",
                      nick,
                      room,
                      properties.ttl(),
                      error.getMessage()));
    }
  }

  /** The gateway is stopping: who is still here lapses (or reconnects elsewhere) instead. */
  @EventListener(ContextClosedEvent.class)
  void stopping() {
    stopping = true;
  }

  private void leaveIfGone(String room, String nick, String key, String session, String stream) {
    if (stopping) {
      return;
    }
    synchronized (this) {
      if (!localStreams.remove(stream, 0)) {
        return;
      }
      localNicks.remove(stream);
    }
    long since = liveSince(room, key).orElse(now());
    publish(memberRecord(room, nick, key, session, since, false));
    if (liveSince(room, key).isEmpty()) {
      events.left(room, nick, key, since);
    }
  }

  private long announceJoin(String room, String nick, String key) {
    long since = now();
    events.joined(room, nick, key, since);
    return since;
  }

  /** When the live membership of {@code key} in {@code room} began, if anyone has one. */
  private OptionalLong liveSince(String room, String key) {
    long now = now();
    return records.values().stream()
        .filter(record -> PresenceRecord.MEMBER.equals(record.kind()))
        .filter(record -> room.equals(record.room()) && key.equals(record.key()))
        .filter(record -> record.isLive(now))
        .mapToLong(PresenceRecord::since)
        .min();
  }

  /** Takes in a record from the broker or from here; of two claims on one nick, the first wins. */
  private void apply(PresenceRecord record) {
    long now = now();
    records.compute(
        record.lastValueKey(),
        (key, current) -> {
          boolean rival =
              current != null
                  && PresenceRecord.CLAIM.equals(record.kind())
                  && current.isLive(now)
                  && !Objects.equals(current.session(), record.session());
          if (!rival) {
            return record;
          }
          Comparator<PresenceRecord> first =
              Comparator.comparingLong(PresenceRecord::since)
                  .thenComparing(PresenceRecord::session);
          return first.compare(record, current) < 0 ? record : current;
        });
  }

  private void publish(PresenceRecord record) {
    apply(record);
    feed.publish(record, properties.ttl());
  }

  private PresenceRecord claimRecord(
      String nick, String key, String session, long since, boolean present) {
    return memberRecord(null, nick, key, session, since, present);
  }

  /** A record of this gateway's: a member of {@code room}, or a claim when the room is null. */
  private PresenceRecord memberRecord(
      String room, String nick, String key, String session, long since, boolean present) {
    String kind = room == null ? PresenceRecord.CLAIM : PresenceRecord.MEMBER;
    long expires = present ? now() + properties.ttl().toMillis() : now();
    return new PresenceRecord(kind, key, nick, room, session, gateway, since, expires, present);
  }

  private static String claimKey(String key) {
    return PresenceRecord.CLAIM + ":" + key;
  }

  private static String streamKey(String room, String key, String session) {
    return room + "|" + key + "|" + session;
  }

  private long now() {
    return clock.millis();
  }
}
