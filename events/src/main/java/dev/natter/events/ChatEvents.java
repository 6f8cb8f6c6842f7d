package dev.natter.events;

/** The event types and extension attributes of Natter's external contract. */
public final class ChatEvents {

  /** A user or bot wants to say something. */
  public static final String MESSAGE_SUBMITTED = "chat.message.submitted";

  /** The accepted, normalised message everyone sees. */
  public static final String MESSAGE_POSTED = "chat.message.posted";

  /** Why a submission was refused. */
  public static final String MESSAGE_REJECTED = "chat.message.rejected";

  /** A submission Natter accepted but could not deliver, however often it tried. */
  public static final String MESSAGE_FAILED = "chat.message.failed";

  /** Someone joined a room. */
  public static final String MEMBER_JOINED = "chat.member.joined";

  /** Someone left a room. */
  public static final String MEMBER_LEFT = "chat.member.left";

  /** An action a user describes in the third person: {@code /me waves}. */
  public static final String ACTION_POSTED = "chat.action.posted";

  /** Dice a user rolled: {@code /roll 2d6}. */
  public static final String DICE_ROLLED = "chat.dice.rolled";

  /** A room's new topic: {@code /topic ...}. */
  public static final String TOPIC_CHANGED = "chat.topic.changed";

  /** The commands there are, for the user who asked: {@code /help}. */
  public static final String HELP_SHOWN = "chat.help.shown";

  /** A user asks to go by another nick: {@code /nick ...}; their page signs in anew. */
  public static final String NICK_REQUESTED = "chat.nick.requested";

  /** Extension attribute naming the room an event belongs to. */
  public static final String ROOM = "room";

  /**
   * Extension attribute of a submission that is a command: its name, such as {@code roll}. Set
   * where submissions enter, so that triggers can route commands to their own functions.
   */
  public static final String COMMAND = "chatcommand";

  /** Extension attribute naming the only nick that may see an event, such as a rejection. */
  public static final String AUDIENCE = "chataudience";

  /**
   * Extension attribute of what answers a submission that did not come through the chat page: the
   * producer's {@code source}. Its author is whoever the producer says, so pages show where it came
   * from.
   */
  public static final String VIA = "chatvia";

  /** The {@code source} of submissions made through the chat page. */
  public static final java.net.URI GATEWAY_SOURCE = java.net.URI.create("/natter/gateway");

  /** Prefix shared by every chat event type. */
  public static final String TYPE_PREFIX = "chat.";

  /** Media type of the JSON data every chat event carries. */
  public static final String JSON = "application/json";

  private ChatEvents() {}
}
