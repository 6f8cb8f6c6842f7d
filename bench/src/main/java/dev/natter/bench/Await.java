package dev.natter.bench;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition, polling; gives up quietly at the deadline (the report tells). */
final class Await {

  private Await() {}

  static boolean until(BooleanSupplier condition, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(50);
    }
    return true;
  }
}
