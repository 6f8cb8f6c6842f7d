package dev.natter.functions;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Natter's chat operations, each a stateless function from CloudEvent to CloudEvent. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FunctionsApplication {

  public static void main(String[] args) {
    SpringApplication.run(FunctionsApplication.class, args);
  }
}
