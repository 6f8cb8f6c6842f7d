package dev.natter.bench;

import io.netty.util.ByteProcessor;

/**
 * Finds {@code ~b<id>t<nanos>~} in a stream's bytes, across chunk boundaries: the mark each
 * message's text carries, naming the message and when it was meant to be sent.
 */
final class Marker implements ByteProcessor {

  /** Told of every mark found. */
  interface Sink {
    void found(int id, long intended);
  }

  private final Sink sink;
  private int state;
  private long id;
  private long intended;

  Marker(Sink sink) {
    this.sink = sink;
  }

  /** Text carrying the mark of message {@code id} meant to be sent at {@code intended}. */
  static String text(long id, long intended) {
    return "bench ~b" + id + "t" + intended + "~";
  }

  @Override
  public boolean process(byte value) {
    switch (state) {
      case 0 -> state = value == '~' ? 1 : 0;
      case 1 -> begin(value);
      case 2 -> id = digit(value, id, 't');
      case 3 -> intended = digit(value, intended, '~');
      default -> throw new IllegalStateException();
    }
    return true;
  }

  private void begin(byte value) {
    state = value == 'b' ? 2 : value == '~' ? 1 : 0;
    id = 0;
    intended = 0;
  }

  /** Adds a digit to {@code number}, or on {@code end} moves on; anything else starts over. */
  private long digit(byte value, long number, char end) {
    if (value >= '0' && value <= '9') {
      return number * 10 + (value - '0');
    }
    if (value == end) {
      if (state == 3) {
        // the bench clock is never 0: no digits is no mark
        if (intended > 0) {
          sink.found((int) id, intended);
        }
        state = 0;
      } else {
        state = 3;
        return id;
      }
    } else {
      state = value == '~' ? 1 : 0;
    }
    return number;
  }
}
