package dev.natter.gateway.presence;

import dev.natter.gateway.web.RoomNames;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Who is online in a room, as every gateway replica sees it. */
@RestController
class MembersController {

  private final Presence presence;

  MembersController(Presence presence) {
    this.presence = presence;
  }

  @GetMapping("/api/rooms/{room}/members")
  List<String> members(@PathVariable String room) {
    return presence.members(RoomNames.require(room));
  }
}
