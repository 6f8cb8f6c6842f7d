package dev.natter.gateway.session;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Chat sessions and the tokens that prove them.
 *
 * @param tokenSecret the HMAC key tokens are signed with, at least 32 bytes; shared by every
 *     replica. Empty: a random key per process, so tokens end with it (local runs only)
 * @param tokenLifetime how long a token is valid
 */
@ConfigurationProperties("natter.sessions")
record SessionProperties(String tokenSecret, @DefaultValue("12h") Duration tokenLifetime) {}
