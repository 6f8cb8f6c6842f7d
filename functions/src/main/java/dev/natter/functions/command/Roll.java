package dev.natter.functions.command;

import dev.natter.events.ChatEvents;
import io.cloudevents.CloudEvent;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.springframework.stereotype.Component;

/** {@code /roll 2d6}: rolls dice for everyone to see. */
@Component
class Roll implements Command {

  private static final Pattern DICE = Pattern.compile("(\\d{1,3})?d(\\d{1,4})");
  private static final int MAX_DICE = 100;
  private static final int MAX_SIDES = 1000;

  private final CommandReplies replies;

  Roll(CommandReplies replies) {
    this.replies = replies;
  }

  /** Data of {@code chat.dice.rolled}. */
  record DiceRolled(
      String author, String dice, List<Integer> rolls, int total, String submissionId) {}

  @Override
  public String name() {
    return "roll";
  }

  @Override
  public String usage() {
    return "/roll NdM";
  }

  @Override
  public String description() {
    return "Roll N dice of M sides (1d6 if you say nothing)";
  }

  @Override
  public CloudEvent run(CloudEvent submitted, String author, String arguments) {
    Matcher matcher = DICE.matcher(arguments.isEmpty() ? "1d6" : arguments.toLowerCase());
    if (!matcher.matches()) {
      return refused(submitted, author);
    }
    int count = matcher.group(1) == null ? 1 : Integer.parseInt(matcher.group(1));
    int sides = Integer.parseInt(matcher.group(2));
    if (count < 1 || count > MAX_DICE || sides < 2 || sides > MAX_SIDES) {
      return refused(submitted, author);
    }
    List<Integer> rolls =
        IntStream.range(0, count)
            .map(die -> ThreadLocalRandom.current().nextInt(1, sides + 1))
            .boxed()
            .toList();
    int total = rolls.stream().mapToInt(Integer::intValue).sum();
    var rolled = new DiceRolled(author, count + "d" + sides, rolls, total, submitted.getId());
    return replies.everyone(submitted, ChatEvents.DICE_ROLLED, rolled);
  }

  private CloudEvent refused(CloudEvent submitted, String author) {
    return replies.rejected(
        submitted,
        author,
        "bad-dice",
        "Roll like /roll 2d6: 1 to " + MAX_DICE + " dice of 2 to " + MAX_SIDES + " sides");
  }
}
