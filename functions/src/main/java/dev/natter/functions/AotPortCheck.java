package dev.natter.functions;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aot.AotDetector;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Warns when a management port is asked of an image that cannot open one: the functions image
 * starts from beans Spring AOT generated at build time, with the actuator on the app's port.
 */
@Component
class AotPortCheck implements ApplicationListener<ApplicationReadyEvent> {

  private static final Logger log = LoggerFactory.getLogger(AotPortCheck.class);

  private final Environment environment;

  AotPortCheck(Environment environment) {
    this.environment = environment;
  }

  @Override
  public void onApplicationEvent(ApplicationReadyEvent event) {
    String management = environment.getProperty("management.server.port", "");
    if (AotDetector.useGeneratedArtifacts() && !management.isBlank()) {
      log.warn(
          "NATTER-FUNCTIONS-001 Management port {} ignored: this build was processed by Spring AOT"
              + " with the actuator on the app's port {}; unset NATTER_MANAGEMENT_PORT, or run"
              + " without -Dspring.aot.enabled",
          management,
          environment.getProperty("local.server.port"));
    }
  }
}
