package dev.natter.gateway.message;

import java.util.Map;

/**
 * An entry of a room's history as the API shows it: a posted message, an action ({@code /me}), a
 * dice roll or a topic change.
 *
 * @param id the id of the event
 * @param seq its position in the history, usable as a stream's {@code Last-Event-ID}
 * @param type the event's type
 * @param author who said or did it
 * @param text what it says, in words
 * @param submissionId the id of the submission it answers
 * @param via where it came from, when not through the chat page: the producer's source
 * @param data the event's data, for clients that show more
 * @param source the event's source: the function that produced it
 * @param traceId the trace the event belongs to, if it carries one
 */
record MessageView(
    String id,
    long seq,
    String type,
    String room,
    String author,
    String text,
    String time,
    String submissionId,
    String via,
    Map<String, Object> data,
    String source,
    String traceId) {}
