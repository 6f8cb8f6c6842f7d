package dev.natter.gateway.stream;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Server-Sent Events stream.
 *
 * @param heartbeat how often an idle stream gets a comment line, so proxies keep it open
 * @param buffer events held for a client that does not keep up; past that it is disconnected
 * @param stall how long a client may take nothing, not even a heartbeat, before it is disconnected
 * @param maxRooms the most rooms one stream may follow
 */
@ConfigurationProperties("natter.stream")
record StreamProperties(
    @DefaultValue("20s") Duration heartbeat,
    @DefaultValue("1000") int buffer,
    @DefaultValue("60s") Duration stall,
    @DefaultValue("20") int maxRooms) {

  StreamProperties {
    if (stall.compareTo(heartbeat.multipliedBy(2)) < 0) {
      throw new IllegalArgumentException(
          "natter.stream.stall ("
              + stall
              + ") must be at least two heartbeats ("
              + heartbeat.multipliedBy(2)
              + "), or clients that keep up would be disconnected");
    }
  }
}
