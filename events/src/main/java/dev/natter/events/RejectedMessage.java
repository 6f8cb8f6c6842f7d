package dev.natter.events;

/**
 * Data of {@code chat.message.rejected} and {@code chat.message.failed}: why a submission was
 * refused, or could not be delivered.
 *
 * @param reason a stable code, such as {@code blank} or {@code too-long}
 * @param detail the reason in words a user can act on
 */
public record RejectedMessage(String author, String reason, String detail, String submissionId) {}
