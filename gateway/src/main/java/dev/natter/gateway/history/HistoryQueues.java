package dev.natter.gateway.history;

import dev.natter.events.jms.Destinations;
import dev.natter.gateway.artemis.ArtemisQueues;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

/** Reads the rooms' history queues in the broker, oldest event first, without consuming them. */
@Component
public class HistoryQueues {

  private final JmsTemplate jms;

  HistoryQueues(JmsTemplate jms) {
    this.jms = jms;
  }

  /** Turns a history message into a value, or skips it. */
  @FunctionalInterface
  public interface Reader<T> {
    Optional<T> read(Message message) throws JMSException;
  }

  /**
   * The messages of {@code room}'s history matching {@code selector} (all when {@code null}), as
   * {@code reader} reads them; nothing for a room without history.
   */
  public <T> List<T> browse(String room, String selector, Reader<T> reader) {
    return browseQueue(Destinations.history(room), selector, reader);
  }

  /** The messages of {@code queue}, as {@link #browse} reads a room's history. */
  public <T> List<T> browseQueue(String queue, String selector, Reader<T> reader) {
    return jms.execute(
        session -> {
          List<T> values = new ArrayList<>();
          var found = ArtemisQueues.find(session, queue);
          if (found.isEmpty()) {
            return values;
          }
          try (QueueBrowser browser = session.createBrowser(found.get(), selector)) {
            for (Object message : Collections.list(browser.getEnumeration())) {
              reader.read((Message) message).ifPresent(values::add);
            }
          }
          return values;
        });
  }
}
