package dev.natter.bench;

/** Nanoseconds since the bench started: positive, and shared by producers and subscribers. */
final class Clock {

  private static final long ORIGIN = System.nanoTime() - 1;

  private Clock() {}

  static long now() {
    return System.nanoTime() - ORIGIN;
  }
}
