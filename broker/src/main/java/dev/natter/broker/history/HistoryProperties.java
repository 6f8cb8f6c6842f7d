package dev.natter.broker.history;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The history each room keeps, and the stream the gateways follow.
 *
 * @param size how many events each room's history keeps; older ones are dropped
 * @param types the event types users see, kept in history and streamed
 * @param streamedOnly the event types users see as they happen, not kept in history
 * @param batchSize the most events written in one broker transaction
 */
@ConfigurationProperties("natter.history")
record HistoryProperties(
    @DefaultValue("1000") long size,
    @DefaultValue({
          "chat.message.posted",
          "chat.action.posted",
          "chat.dice.rolled",
          "chat.topic.changed"
        })
        List<String> types,
    @DefaultValue({
          "chat.message.rejected",
          "chat.message.failed",
          "chat.member.joined",
          "chat.member.left",
          "chat.help.shown",
          "chat.nick.requested"
        })
        List<String> streamedOnly,
    @DefaultValue("200") int batchSize) {}
