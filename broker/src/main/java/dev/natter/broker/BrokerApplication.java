package dev.natter.broker;

import dev.natter.events.EventTracingConfiguration;
import dev.natter.events.http.EventProblemAdvice;
import dev.natter.events.http.TomcatProblems;
import dev.natter.events.jms.BrokerProblemAdvice;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/** The bridge that makes Artemis behave like a Knative Eventing broker. */
@SpringBootApplication
@Import({
  EventProblemAdvice.class,
  BrokerProblemAdvice.class,
  EventTracingConfiguration.class,
  TomcatProblems.class
})
@ConfigurationPropertiesScan
public class BrokerApplication {

  public static void main(String[] args) {
    SpringApplication.run(BrokerApplication.class, args);
  }
}
