package dev.natter.gateway.stream;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Server-Sent Events stream.
 *
 * @param heartbeat how often an idle stream gets a comment line, so proxies keep it open
 * @param buffer events held for a client that does not keep up; past that it is disconnected
 * @param maxRooms the most rooms one stream may follow
 */
@ConfigurationProperties("natter.stream")
record StreamProperties(
    @DefaultValue("20s") Duration heartbeat,
    @DefaultValue("1000") int buffer,
    @DefaultValue("20") int maxRooms) {}
