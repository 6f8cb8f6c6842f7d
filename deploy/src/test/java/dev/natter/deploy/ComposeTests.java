package dev.natter.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** docker-compose.yml: valid Compose, safe by default, and in step with the apps. */
class ComposeTests {

  final JsonNode compose = Repository.compose("docker-compose.yml");
  final JsonNode services = compose.path("services");

  @Test
  void validatesAgainstTheComposeSpecification() {
    assertThat(Schemas.errors(Schemas.compose(), compose)).isEmpty();
    assertThat(services.propertyNames())
        .containsExactlyInAnyOrder("artemis", "broker", "functions", "gateway");
  }

  /** By default the images a plain image build makes; a prefix and tag the build was given. */
  @Test
  void runsTheImagesTheBuildMakes() throws Exception {
    for (String app : Repository.APPS) {
      String image = Repository.image(app);
      String name = image.substring(0, image.indexOf(':'));
      String tag = image.substring(image.indexOf(':') + 1);
      assertThat(services.path(app).path("image").asString())
          .as(app)
          .isEqualTo("${NATTER_IMAGE_PREFIX:-}" + name + ":${NATTER_IMAGE_TAG:-" + tag + "}");
    }
    assertThat(services.path("artemis").path("image").asString())
        .as("Artemis, from its official image at the version the apps are built with")
        .isEqualTo(Repository.artemisImage());
  }

  @Test
  void publishesOnlyTheChatAndTheIngress() {
    Map<String, String> published = new HashMap<>();
    services
        .properties()
        .forEach(
            service ->
                service
                    .getValue()
                    .path("ports")
                    .forEach(port -> published.put(port.asString(), service.getKey())));
    assertThat(published)
        .containsOnly(Map.entry("8080:8080", "gateway"), Map.entry("8081:8081", "broker"));
  }

  @Test
  void everyServiceIsCheckedHealthyAndLimitedInMemory() {
    services
        .properties()
        .forEach(
            service -> {
              JsonNode definition = service.getValue();
              assertThat(definition.path("healthcheck").path("test").isMissingNode())
                  .as(service.getKey() + " healthcheck")
                  .isFalse();
              assertThat(definition.at("/deploy/resources/limits/memory").asString())
                  .as(service.getKey() + " memory limit")
                  .isNotBlank();
              definition
                  .path("depends_on")
                  .properties()
                  .forEach(
                      dependency ->
                          assertThat(dependency.getValue().path("condition").asString())
                              .as(service.getKey() + " waits for " + dependency.getKey())
                              .isEqualTo("service_healthy"));
            });
    assertThat(services.at("/gateway/depends_on/artemis").isMissingNode()).isFalse();
    assertThat(services.at("/broker/depends_on/artemis").isMissingNode()).isFalse();
  }

  /** The apps' images have no shell: Paketo's health checker asks each app's readiness. */
  @Test
  void appsAreCheckedByPaketosHealthCheckerOnTheirOwnPort() {
    for (String app : Repository.APPS) {
      JsonNode service = services.path(app);
      JsonNode environment = service.path("environment");
      assertThat(service.at("/healthcheck/test/1").asString()).isEqualTo("/workspace/health-check");
      assertThat(environment.path("THC_PORT").asString())
          .as(app + " health check port")
          .isEqualTo(environment.path("PORT").asString());
      assertThat(environment.path("THC_PATH").asString()).isEqualTo("/readyz");
    }
  }

  /**
   * Metrics and the actuator answer on a port that is never published: their own for the bridge and
   * the gateway, the app's for the functions (their image is built for one port by Spring AOT, and
   * they publish none).
   */
  @Test
  void appsServeMetricsOnAnUnpublishedPortAndLogJson() {
    for (String app : Repository.APPS) {
      JsonNode service = services.path(app);
      JsonNode environment = service.path("environment");
      String management =
          app.equals("functions")
              ? environment.path("PORT").asString()
              : environment.path("NATTER_MANAGEMENT_PORT").asString();
      if (app.equals("functions")) {
        assertThat(environment.has("NATTER_MANAGEMENT_PORT")).as("functions").isFalse();
        assertThat(service.has("ports")).as("functions publish nothing").isFalse();
      } else {
        assertThat(management).as(app + " management port").isEqualTo("9464");
      }
      assertThat(service.path("ports").valueStream().map(JsonNode::asString))
          .as(app + " publishes")
          .noneMatch(port -> port.contains(management));
      assertThat(environment.path("LOGGING_STRUCTURED_FORMAT_CONSOLE").asString()).isEqualTo("ecs");
    }
  }

  private static final Pattern REQUIRED = Pattern.compile("\\$\\{([A-Z_]+):\\?[^}]+}");

  /** No password or key has a default that would let anyone in. */
  @Test
  void credentialsComeFromTheEnvironmentWithoutDefaults() {
    String text = Repository.read("docker-compose.yml");
    for (String secret :
        new String[] {"ARTEMIS_PASSWORD", "NATTER_TOKEN_SECRET", "NATTER_INGRESS_TOKEN"}) {
      Matcher matcher = Pattern.compile("\\$\\{" + secret + "[^}]*}").matcher(text);
      assertThat(matcher.find()).as(secret + " is set from the environment").isTrue();
      matcher.reset();
      while (matcher.find()) {
        assertThat(REQUIRED.matcher(matcher.group()).matches())
            .as(matcher.group() + " must be required (${NAME:?why})")
            .isTrue();
      }
    }
    assertThat(services.at("/artemis/environment/ANONYMOUS_LOGIN").asString()).isEqualTo("false");
  }

  @Test
  void setsOnlyEnvironmentTheAppsRead() {
    for (String app : Repository.APPS) {
      var read = Repository.environmentReadBy(app);
      assertThat(services.path(app).path("environment").propertyNames())
          .as(app)
          .allSatisfy(
              name ->
                  assertThat(read.contains(name) || Repository.PLATFORM_ENVIRONMENT.contains(name))
                      .as(name + " is read by " + app)
                      .isTrue());
    }
    assertThat(services.path("artemis").path("environment").propertyNames())
        .allSatisfy(name -> assertThat(Repository.ARTEMIS_ENVIRONMENT).contains(name));
  }

  @Test
  void appsFindEachOtherOnThePortsTheyListenOn() {
    String artemisUrl = "tcp://artemis:61616";
    assertThat(services.at("/broker/environment/ARTEMIS_URL").asString()).isEqualTo(artemisUrl);
    assertThat(services.at("/gateway/environment/ARTEMIS_URL").asString()).isEqualTo(artemisUrl);
    assertThat(services.at("/broker/environment/NATTER_FUNCTIONS_URL").asString())
        .isEqualTo(
            "http://functions:" + services.at("/functions/environment/PORT").asString() + "/");
    assertThat(services.at("/gateway/environment/PORT").asString()).isEqualTo("8080");
    assertThat(services.at("/broker/environment/PORT").asString()).isEqualTo("8081");
  }
}
