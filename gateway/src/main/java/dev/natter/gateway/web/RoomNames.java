package dev.natter.gateway.web;

import dev.natter.events.Rooms;
import org.springframework.http.HttpStatus;

/** Checks room names at the edge. */
public final class RoomNames {

  private RoomNames() {}

  /** {@code room}, if valid; 400 otherwise. */
  public static String require(String room) {
    if (!Rooms.isValid(room)) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST, "Invalid room", "A room name is " + Rooms.RULE);
    }
    return room;
  }
}
