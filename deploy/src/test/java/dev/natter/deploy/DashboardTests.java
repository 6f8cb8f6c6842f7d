package dev.natter.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Grafana dashboard shows metrics the apps publish, and ships with the monitoring kit. */
class DashboardTests {

  static final String DASHBOARD = "knative/monitoring/natter-dashboard.json";

  static JsonNode dashboard() {
    return JsonMapper.builder().build().readTree(Repository.read(DASHBOARD));
  }

  static List<String> expressions() {
    List<String> expressions = new ArrayList<>();
    dashboard()
        .path("panels")
        .forEach(
            panel ->
                panel.path("targets").forEach(t -> expressions.add(t.path("expr").asString())));
    return expressions;
  }

  /** Prometheus names of the meters the apps register under {@code natter.}, with suffixes. */
  static Set<String> publishedSeries() throws IOException {
    Pattern meter = Pattern.compile("(Counter|Timer|Gauge)\\.builder\\(\\s*\"(natter\\.[a-z.]+)\"");
    Set<String> series = new TreeSet<>();
    for (String app : Repository.APPS) {
      try (Stream<Path> sources = Files.walk(Repository.ROOT.resolve(app + "/src/main/java"))) {
        for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
          Matcher matcher = meter.matcher(Files.readString(source, StandardCharsets.UTF_8));
          while (matcher.find()) {
            String name = matcher.group(2).replace('.', '_');
            switch (matcher.group(1)) {
              case "Counter" -> series.add(name + "_total");
              case "Timer" ->
                  Stream.of("_count", "_sum", "_max", "_bucket")
                      .forEach(suffix -> series.add(name + "_seconds" + suffix));
              default -> series.add(name);
            }
          }
        }
      }
    }
    return series;
  }

  @Test
  void everyNatterSeriesItQueriesIsOneTheAppsPublish() throws IOException {
    Set<String> published = publishedSeries();
    Set<String> queried = new TreeSet<>();
    Matcher series = Pattern.compile("\\bnatter_[a-z_]+").matcher(String.join("\n", expressions()));
    while (series.find()) {
      queried.add(series.group());
    }

    assertThat(published).as("meters found in the sources").hasSizeGreaterThan(8);
    assertThat(queried).isNotEmpty();
    assertThat(published).containsAll(queried);
  }

  @Test
  void showsTheFiguresOperatorsWatch() {
    String all = String.join("\n", expressions());

    assertThat(all)
        .contains(
            "natter_sse_connections",
            "natter_sse_events_total",
            "natter_sse_room_followers",
            "natter_ingress_events_total",
            "natter_ingress_duplicates_total",
            "natter_dispatch_seconds_bucket",
            "natter_dispatch_cold_wait_seconds",
            "natter_replies_total",
            "natter_dead_letters",
            "natter_function_invocations_seconds");
    assertThat(dashboard().path("panels").valueStream().filter(p -> p.has("targets")))
        .allSatisfy(panel -> assertThat(panel.path("title").asString()).isNotBlank());
  }

  static JsonNode ofKind(List<JsonNode> objects, String kind) {
    return objects.stream()
        .filter(object -> kind.equals(object.path("kind").asString()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind));
  }

  @Test
  void shipsAsAConfigMapGrafanaLoadsBesideAPodMonitor() throws Exception {
    Process kubectl =
        new ProcessBuilder(
                "kubectl", "kustomize", Repository.ROOT.resolve("knative/monitoring").toString())
            .start();
    String out = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(kubectl.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(kubectl.exitValue()).isZero();
    List<JsonNode> objects = Repository.documents(out);

    JsonNode configMap = ofKind(objects, "ConfigMap");
    assertThat(configMap.at("/metadata/labels/grafana_dashboard").asString()).isEqualTo("1");
    assertThat(configMap.at("/data/natter-dashboard.json").asString())
        .isEqualTo(Repository.read(DASHBOARD));
    JsonNode monitor = ofKind(objects, "PodMonitor");
    assertThat(monitor.at("/metadata/namespace").asString()).isEqualTo("natter");
    assertThat(monitor.at("/spec/podMetricsEndpoints/0/path").asString())
        .isEqualTo("/actuator/prometheus");
    JsonNode address = monitor.at("/spec/podMetricsEndpoints/0/relabelings/1");
    assertThat(address.at("/sourceLabels/1").asString())
        .as("the port each pod's annotation names")
        .isEqualTo("__meta_kubernetes_pod_annotation_prometheus_io_port");
    assertThat(address.at("/targetLabel").asString()).isEqualTo("__address__");
    assertThat(address.at("/replacement").asString()).isEqualTo("$1:$2");
  }
}
