package dev.natter.functions.command;

import io.cloudevents.CloudEvent;

/** One slash command: what it answers a submission with. */
interface Command {

  /** The name users type after the slash. */
  String name();

  /** How to use it, for {@code /help}. */
  String usage();

  /** What it does, for {@code /help}. */
  String description();

  /**
   * The reply to {@code submitted}, the command by {@code author} with {@code arguments}: its own
   * event, or a rejection saying what was wrong.
   */
  CloudEvent run(CloudEvent submitted, String author, String arguments);
}
