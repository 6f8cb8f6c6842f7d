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
 * @param reservedTypes event types only Natter's own functions and gateways publish
 */
@ConfigurationProperties("natter.ingress")
record IngressProperties(
    @DefaultValue("256KB") DataSize maxBodySize,
    @DefaultValue("") String token,
    @DefaultValue({
          "chat.message.posted",
          "chat.message.rejected",
          "chat.member.joined",
          "chat.member.left"
        })
        List<String> reservedTypes) {}
