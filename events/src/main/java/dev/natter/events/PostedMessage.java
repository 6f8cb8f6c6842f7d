package dev.natter.events;

/** Data of {@code chat.message.posted}: the accepted message and the submission it answers. */
public record PostedMessage(String author, String text, String submissionId) {}
