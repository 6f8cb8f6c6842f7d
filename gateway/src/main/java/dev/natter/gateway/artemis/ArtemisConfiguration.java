package dev.natter.gateway.artemis;

import dev.natter.events.jms.ArtemisClientShutdown;
import dev.natter.events.jms.ArtemisConnections;
import dev.natter.events.jms.ArtemisReadiness;
import java.util.List;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.jms.core.JmsTemplate;

/** Connections to Artemis that reconnect by themselves. */
@Configuration(proxyBeanMethods = false)
class ArtemisConfiguration {

  @Bean
  ActiveMQConnectionFactory artemisConnectionFactory(ArtemisProperties properties) {
    ActiveMQConnectionFactory factory =
        ArtemisConnections.factory(properties.url(), properties.user(), properties.password());
    // Users wait on these calls: while Artemis is away, answer 503 soon rather than hang.
    factory.setCallFailoverTimeout(5_000);
    factory.setCallTimeout(10_000);
    return factory;
  }

  /** Readiness: the gateway can neither post nor stream while Artemis cannot be reached. */
  @Bean
  ArtemisReadiness artemisHealthIndicator(ArtemisProperties properties) {
    return new ArtemisReadiness(properties.url(), properties.user(), properties.password());
  }

  @Bean
  ArtemisClientShutdown artemisClientShutdown(ActiveMQConnectionFactory artemisConnectionFactory) {
    return new ArtemisClientShutdown(List.of(artemisConnectionFactory));
  }

  @Bean
  CachingConnectionFactory connectionFactory(ActiveMQConnectionFactory artemisConnectionFactory) {
    CachingConnectionFactory caching = new CachingConnectionFactory(artemisConnectionFactory);
    caching.setSessionCacheSize(16);
    return caching;
  }

  @Bean
  JmsTemplate jmsTemplate(CachingConnectionFactory connectionFactory) {
    return new JmsTemplate(connectionFactory);
  }
}
