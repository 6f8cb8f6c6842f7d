package dev.natter.local;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts again a component of the stack that exits on its own, as a process supervisor would. One
 * that exits more than {@link #MAX_RESTARTS} times within {@link #WINDOW} is given up on.
 */
final class Supervisor {

  private static final Logger log = LoggerFactory.getLogger(Supervisor.class);
  static final int MAX_RESTARTS = 3;
  static final Duration WINDOW = Duration.ofMinutes(5);

  private final LocalStack stack;
  private final Runnable giveUp;
  private final BooleanSupplier stopping;

  /**
   * @param giveUp what to do when a component keeps exiting, or cannot be started again
   * @param stopping whether the stack is being stopped, when exits are expected
   */
  Supervisor(LocalStack stack, Runnable giveUp, BooleanSupplier stopping) {
    this.stack = stack;
    this.giveUp = giveUp;
    this.stopping = stopping;
  }

  void watch(String... names) {
    for (String name : names) {
      watch(stack.app(name), new ArrayDeque<>());
    }
  }

  private void watch(AppProcess app, Deque<Instant> restarts) {
    app.onExit(code -> exited(app, code, restarts));
  }

  private void exited(AppProcess app, int code, Deque<Instant> restarts) {
    if (stopping.getAsBoolean() || !stack.isRunning(app)) {
      return;
    }
    Instant now = Instant.now();
    restarts.removeIf(restart -> restart.isBefore(now.minus(WINDOW)));
    if (restarts.size() >= MAX_RESTARTS) {
      log.error(
          "The {} exited ({}) {} times within {}; see {}. Stopping Natter.",
          app.name(),
          code,
          restarts.size() + 1,
          WINDOW,
          app.log());
      giveUp.run();
      return;
    }
    restarts.add(now);
    log.warn("The {} exited ({}); see {}. Starting it again.", app.name(), code, app.log());
    try {
      AppProcess restarted = stack.restart(app);
      watch(restarted, restarts);
      log.info("The {} is running again", app.name());
    } catch (IOException | RuntimeException e) {
      log.error("The {} could not be started again: {}", app.name(), e.getMessage());
      giveUp.run();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
