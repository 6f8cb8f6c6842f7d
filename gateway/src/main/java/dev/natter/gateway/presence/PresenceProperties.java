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
 * @param grace how long someone whose last stream of a room closed stays present: a page that
 *     reopens its stream (to follow another room, or after a cut) within it neither leaves nor
 *     joins again
 */
@ConfigurationProperties("natter.presence")
record PresenceProperties(
    @DefaultValue("45s") Duration ttl,
    @DefaultValue("15s") Duration refresh,
    @DefaultValue("3s") Duration grace) {}
