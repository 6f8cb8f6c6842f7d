package dev.natter.gateway.presence;

import dev.natter.gateway.web.ApiException;
import org.springframework.http.HttpStatus;

/** A nick someone online holds already, or one that looks like it. */
public class NickTakenException extends ApiException {

  NickTakenException(String nick, String holder) {
    super(
        HttpStatus.CONFLICT,
        "Nick taken",
        nick.equals(holder)
            ? "'" + nick + "' is online already; pick another nick"
            : "'" + nick + "' looks like '" + holder + "', who is online; pick another nick");
  }
}
