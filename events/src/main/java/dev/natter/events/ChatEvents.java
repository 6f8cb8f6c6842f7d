package dev.natter.events;

/** The event types and extension attributes of Natter's external contract. */
public final class ChatEvents {

  /** A user or bot wants to say something. */
  public static final String MESSAGE_SUBMITTED = "chat.message.submitted";

  /** The accepted, normalised message everyone sees. */
  public static final String MESSAGE_POSTED = "chat.message.posted";

  /** Why a submission was refused. */
  public static final String MESSAGE_REJECTED = "chat.message.rejected";

  /** Someone joined a room. */
  public static final String MEMBER_JOINED = "chat.member.joined";

  /** Someone left a room. */
  public static final String MEMBER_LEFT = "chat.member.left";

  /** Extension attribute naming the room an event belongs to. */
  public static final String ROOM = "room";

  /** Prefix shared by every chat event type. */
  public static final String TYPE_PREFIX = "chat.";

  /** Media type of the JSON data every chat event carries. */
  public static final String JSON = "application/json";

  private ChatEvents() {}
}
