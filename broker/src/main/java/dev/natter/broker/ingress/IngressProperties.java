package dev.natter.broker.ingress;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The HTTP ingress where any CloudEvents producer posts events.
 *
 * @param maxBodySize the largest request body accepted; larger ones get 413
 * @param token the bearer token producers must send; empty lets anyone post
 * @param reservedPrefixes prefixes of the event types only Natter itself publishes
 * @param openTypes the types under those prefixes that producers may post
 */
@ConfigurationProperties("natter.ingress")
record IngressProperties(
    @DefaultValue("256KB") DataSize maxBodySize,
    @DefaultValue("") String token,
    @DefaultValue({"chat.", "natter."}) List<String> reservedPrefixes,
    @DefaultValue("chat.message.submitted") List<String> openTypes) {

  /** Whether producers may not post events of {@code type}: Natter publishes those itself. */
  boolean isReserved(String type) {
    return !openTypes.contains(type) && reservedPrefixes.stream().anyMatch(type::startsWith);
  }
}
