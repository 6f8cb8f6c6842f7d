package dev.natter.gateway.presence;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who is online.
 *
 * @param ttl how long a nick stays claimed, and a member present, without a refresh: a crashed
 *     gateway's people are gone after at most this long
 * @param refresh how often live streams refresh their claims and presence
 */
@ConfigurationProperties("natter.presence")
record PresenceProperties(
    @DefaultValue("45s") Duration ttl, @DefaultValue("15s") Duration refresh) {}
