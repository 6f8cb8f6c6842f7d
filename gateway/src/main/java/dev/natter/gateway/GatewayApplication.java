package dev.natter.gateway;

import dev.natter.events.EventTracingConfiguration;
import dev.natter.events.jms.BrokerProblemAdvice;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The Server-Sent Events gateway and the chat page. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Import({BrokerProblemAdvice.class, EventTracingConfiguration.class})
public class GatewayApplication {

  public static void main(String[] args) {
    SpringApplication.run(GatewayApplication.class, args);
  }
}
