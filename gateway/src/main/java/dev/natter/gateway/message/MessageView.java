package dev.natter.gateway.message;

/**
 * A posted message as the history API shows it.
 *
 * @param id the id of the posted event
 * @param seq its position in the history, usable as a stream's {@code Last-Event-ID}
 * @param submissionId the id of the submission it answers
 */
record MessageView(
    String id,
    long seq,
    String room,
    String author,
    String text,
    String time,
    String submissionId) {}
