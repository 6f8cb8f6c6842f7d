package dev.natter.functions.message;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rules for chat messages.
 *
 * @param maxLength the longest message accepted, in Unicode code points
 */
@ConfigurationProperties("natter.messages")
record MessageProperties(@DefaultValue("2000") int maxLength) {}
