package dev.natter.functions;

import dev.natter.events.EventTracingConfiguration;
import dev.natter.events.http.EventProblemAdvice;
import dev.natter.events.http.TomcatProblems;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/** Natter's chat operations, each a stateless function from CloudEvent to CloudEvent. */
@SpringBootApplication
@Import({EventProblemAdvice.class, EventTracingConfiguration.class, TomcatProblems.class})
@ConfigurationPropertiesScan
public class FunctionsApplication {

  public static void main(String[] args) {
    SpringApplication.run(FunctionsApplication.class, args);
  }
}
