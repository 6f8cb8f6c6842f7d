package dev.natter.gateway.message;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How fast one nick may send messages through one gateway.
 *
 * @param burst messages a nick may send at once
 * @param refill how often one more message is allowed after the burst
 */
@ConfigurationProperties("natter.messages.flood")
record FloodProperties(@DefaultValue("10") int burst, @DefaultValue("1s") Duration refill) {}
