package dev.natter.gateway.artemis;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway reaches Artemis.
 *
 * @param url the Artemis connection URL
 * @param user the Artemis user, or empty when the broker needs no login
 * @param password the Artemis password
 */
@ConfigurationProperties("natter.artemis")
record ArtemisProperties(
    @DefaultValue("tcp://localhost:61616") String url, String user, String password) {}
