package dev.natter.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The manifests and the apps agree: images, environment, probes, ports and triggers. */
class ManifestConsistencyTests {

  static List<JsonNode> manifests;

  @BeforeAll
  static void render() throws Exception {
    manifests = Repository.renderedManifests();
  }

  static JsonNode find(String kind, String name) {
    return manifests.stream()
        .filter(manifest -> kind.equals(manifest.path("kind").asString()))
        .filter(manifest -> name.equals(manifest.at("/metadata/name").asString()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + "/" + name));
  }

  static JsonNode knativeService(String name) {
    return manifests.stream()
        .filter(manifest -> manifest.path("apiVersion").asString().startsWith("serving.knative"))
        .filter(manifest -> name.equals(manifest.at("/metadata/name").asString()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no Knative Service " + name));
  }

  /** Each Natter container, by the app it runs. */
  static Map<String, JsonNode> containers() {
    return Map.of(
        "broker", find("Deployment", "natter-broker").at("/spec/template/spec/containers/0"),
        "post-message", knativeService("post-message").at("/spec/template/spec/containers/0"),
        "run-command", knativeService("run-command").at("/spec/template/spec/containers/0"),
        "gateway", knativeService("natter").at("/spec/template/spec/containers/0"));
  }

  static String app(String container) {
    return container.equals("post-message") || container.equals("run-command")
        ? "functions"
        : container;
  }

  static Map<String, String> environment(JsonNode container) {
    return container
        .path("env")
        .valueStream()
        .collect(
            Collectors.toMap(
                variable -> variable.path("name").asString(),
                variable -> variable.path("value").asString("")));
  }

  @Test
  void containersRunTheImagesTheBuildMakes() throws Exception {
    for (var container : containers().entrySet()) {
      assertThat(container.getValue().path("image").asString())
          .as(container.getKey())
          .isEqualTo(Repository.image(app(container.getKey())));
    }
    assertThat(
            find("StatefulSet", "artemis").at("/spec/template/spec/containers/0/image").asString())
        .isEqualTo(Repository.artemisImage());
  }

  @Test
  void setOnlyEnvironmentTheAppsRead() {
    for (var container : containers().entrySet()) {
      Set<String> read = Repository.environmentReadBy(app(container.getKey()));
      assertThat(environment(container.getValue()).keySet())
          .as(container.getKey())
          .allSatisfy(
              name ->
                  assertThat(read.contains(name) || Repository.PLATFORM_ENVIRONMENT.contains(name))
                      .as(name + " is read by " + app(container.getKey()))
                      .isTrue());
    }
    assertThat(
            environment(find("StatefulSet", "artemis").at("/spec/template/spec/containers/0"))
                .keySet())
        .allSatisfy(name -> assertThat(Repository.ARTEMIS_ENVIRONMENT).contains(name));
  }

  /**
   * The probes ask Spring Boot's health groups on the app's own port (Knative probes no other),
   * while the actuator itself answers on the management port.
   */
  @Test
  void probesAskPathsTheAppsServe() {
    for (String app : Repository.APPS) {
      JsonNode configuration = Repository.yaml(app + "/src/main/resources/application.yaml");
      assertThat(configuration.at("/management/endpoint/health/probes/enabled").asBoolean())
          .as(app + " health probes")
          .isTrue();
      assertThat(
              configuration
                  .at("/management/endpoint/health/probes/add-additional-paths")
                  .asBoolean())
          .as(app + " serves /readyz and /livez on its own port")
          .isTrue();
      assertThat(configuration.at("/management/endpoints/web/exposure/include").asString())
          .as(app + " exposes health and metrics")
          .contains("health", "prometheus");
      assertThat(configuration.at("/management/server/port").asString())
          .isEqualTo("${NATTER_MANAGEMENT_PORT:}");
    }
    for (var container : containers().entrySet()) {
      assertThat(container.getValue().at("/readinessProbe/httpGet/path").asString())
          .isEqualTo("/readyz");
      assertThat(container.getValue().at("/livenessProbe/httpGet/path").asString())
          .isEqualTo("/livez");
    }
  }

  /**
   * Prometheus finds every app's metrics on the management port the app is told, or on its serving
   * port where it is told none: the functions, whose image starts from Spring AOT's beans, built
   * with the actuator on the serving port.
   */
  @Test
  void prometheusScrapesTheManagementPort() {
    Map<String, JsonNode> templates =
        Map.of(
            "broker", find("Deployment", "natter-broker").at("/spec/template"),
            "post-message", knativeService("post-message").at("/spec/template"),
            "run-command", knativeService("run-command").at("/spec/template"),
            "gateway", knativeService("natter").at("/spec/template"));
    for (var template : templates.entrySet()) {
      JsonNode annotations = template.getValue().at("/metadata/annotations");
      JsonNode container = template.getValue().at("/spec/containers/0");
      assertThat(annotations.path("prometheus.io/scrape").asString()).isEqualTo("true");
      assertThat(annotations.path("prometheus.io/path").asString())
          .isEqualTo("/actuator/prometheus");
      String management = environment(container).get("NATTER_MANAGEMENT_PORT");
      if (Set.of("post-message", "run-command").contains(template.getKey())) {
        assertThat(management).as(template.getKey() + " is built for one port").isNull();
        management = container.at("/ports/0/containerPort").asString();
      }
      assertThat(annotations.path("prometheus.io/port").asString())
          .as(template.getKey())
          .isEqualTo(management);
      assertThat(environment(container).get("LOGGING_STRUCTURED_FORMAT_CONSOLE")).isEqualTo("ecs");
    }
  }

  /**
   * Knative's queue-proxy shares each pod's network and holds its own ports: an app that listened
   * on one of them, for its metrics say, could not start.
   */
  @Test
  void knativeServicesListenOnNoPortTheQueueProxyHolds() {
    Set<String> queueProxy = Set.of("8008", "8012", "8013", "8022", "9090", "9091");
    for (String knative : List.of("post-message", "run-command", "gateway")) {
      JsonNode container = containers().get(knative);
      Set<String> listened = new HashSet<>();
      listened.add(container.at("/ports/0/containerPort").asString());
      listened.add(
          environment(container)
              .getOrDefault(
                  "NATTER_MANAGEMENT_PORT", container.at("/ports/0/containerPort").asString()));
      assertThat(listened).as(knative).doesNotContainAnyElementsOf(queueProxy);
    }
  }

  /** Knative gives its containers PORT=8080; the broker is told its port, and Services agree. */
  @Test
  void portsAgree() {
    for (String knative : List.of("post-message", "run-command", "gateway")) {
      JsonNode container = containers().get(knative);
      assertThat(container.at("/ports/0/containerPort").asInt()).as(knative).isEqualTo(8080);
      assertThat(environment(container)).as(knative).doesNotContainKey("PORT");
    }
    JsonNode broker = containers().get("broker");
    assertThat(environment(broker).get("PORT"))
        .isEqualTo(broker.at("/ports/0/containerPort").asString());
    assertThat(find("Service", "natter-broker").at("/spec/ports/0/targetPort").asString())
        .isEqualTo(broker.at("/ports/0/name").asString());
    assertThat(broker.at("/readinessProbe/httpGet/port").asString())
        .isEqualTo(broker.at("/ports/0/name").asString());

    JsonNode artemis = find("StatefulSet", "artemis").at("/spec/template/spec/containers/0");
    JsonNode artemisService = find("Service", "artemis");
    assertThat(artemisService.at("/spec/ports/0/port").asInt())
        .isEqualTo(artemis.at("/ports/0/containerPort").asInt());
    String artemisUrl = "tcp://artemis:" + artemisService.at("/spec/ports/0/port").asInt();
    assertThat(environment(broker).get("ARTEMIS_URL")).isEqualTo(artemisUrl);
    assertThat(environment(containers().get("gateway")).get("ARTEMIS_URL")).isEqualTo(artemisUrl);
  }

  /**
   * The triggers the ConfigMap gives the broker are the broker's own, each delivering to the
   * Knative Service of the function it names, which serves that function.
   */
  @Test
  void triggersReachTheFunctionsTheyName() {
    JsonNode configMap = find("ConfigMap", "natter-triggers");
    JsonNode deployed =
        Repository.YAML
            .readTree(configMap.at("/data/triggers.yaml").asString())
            .at("/natter/broker/triggers");
    JsonNode own =
        Repository.yaml("broker/src/main/resources/application.yaml").at("/natter/broker/triggers");
    assertThat(deployed.size()).isEqualTo(own.size()).isPositive();
    Map<String, String> functionOf =
        Map.of("post-message", "postMessage", "run-command", "runCommand");
    Set<String> names = new HashSet<>();
    for (int i = 0; i < deployed.size(); i++) {
      JsonNode trigger = deployed.get(i);
      String name = trigger.path("name").asString();
      names.add(name);
      assertThat(trigger.path("filters")).as(name).isEqualTo(own.get(i).path("filters"));
      URI subscriber = URI.create(trigger.at("/subscriber/uri").asString());
      assertThat(subscriber.getHost()).isEqualTo(name + ".natter.svc.cluster.local");
      JsonNode function = containers().get(name);
      assertThat(environment(function).get("NATTER_FUNCTIONS")).isEqualTo(functionOf.get(name));
    }
    assertThat(names).containsExactlyInAnyOrder("post-message", "run-command");

    JsonNode broker = find("Deployment", "natter-broker").at("/spec/template/spec");
    assertThat(environment(broker.at("/containers/0")).get("SPRING_CONFIG_ADDITIONAL_LOCATION"))
        .isEqualTo("file:/config/triggers.yaml");
    assertThat(broker.at("/containers/0/volumeMounts").valueStream())
        .anySatisfy(mount -> assertThat(mount.path("mountPath").asString()).isEqualTo("/config"));
  }

  /** Every Secret the manifests read is one the setup script makes, with the same keys. */
  @Test
  void secretsAreTheOnesTheSetupScriptMakes() {
    String script = Repository.read("knative/setup-microk8s.sh");
    manifests.stream()
        .flatMap(manifest -> manifest.findValues("secretKeyRef").stream())
        .forEach(
            reference -> {
              String secret = reference.path("name").asString();
              String key = reference.path("key").asString();
              assertThat(script)
                  .as(secret + "/" + key)
                  .containsPattern("secret " + secret + " (\\S+ )*" + key + "=");
            });
  }
}
