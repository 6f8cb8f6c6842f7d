package dev.natter.events;

/** Data of {@code chat.message.submitted}: who wants to say what. */
public record SubmittedMessage(String author, String text) {}
