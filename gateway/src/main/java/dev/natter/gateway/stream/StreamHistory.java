package dev.natter.gateway.stream;

import dev.natter.gateway.history.HistoryQueues;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** What a resuming stream missed, read from the rooms' histories in the broker. */
@Component
class StreamHistory {

  private final HistoryQueues history;
  private final long historySize;

  StreamHistory(HistoryQueues history, @Value("${natter.history.size:1000}") long historySize) {
    this.history = history;
    this.historySize = historySize;
  }

  /**
   * Every event of {@code rooms} after position {@code lastSeq}, in order, preceded by a resync
   * notice for each room whose history may have dropped some of them.
   *
   * @param last the position up to which the replay is complete: live events at or below it are
   *     already in the replay
   */
  record Replay(List<StreamEvent> events, long last) {}

  Replay after(Set<String> rooms, long lastSeq) {
    List<StreamEvent> notices = new ArrayList<>();
    List<StreamEvent> missed = new ArrayList<>();
    long last = lastSeq;
    for (String room : rooms) {
      List<StreamEvent> kept =
          history.browse(room, null, message -> Optional.of(StreamEvent.of(message)));
      if (kept.size() >= historySize && kept.get(0).seq() > lastSeq + 1) {
        notices.add(StreamEvent.resync(room, lastSeq));
      }
      for (StreamEvent event : kept) {
        if (event.seq() > lastSeq) {
          missed.add(event);
        }
        last = Math.max(last, event.seq());
      }
    }
    missed.sort(Comparator.comparingLong(StreamEvent::seq));
    notices.addAll(missed);
    return new Replay(notices, last);
  }
}
