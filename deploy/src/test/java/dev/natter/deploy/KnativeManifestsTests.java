package dev.natter.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The knative/ manifests: they render, every Knative Service is valid for the CRD and uses only
 * what Knative 1.8 (the MicroK8s addon) accepts, and every core object parses strictly.
 */
class KnativeManifestsTests {

  static List<JsonNode> manifests;

  @BeforeAll
  static void render() throws Exception {
    manifests = Repository.renderedManifests();
  }

  static Stream<JsonNode> ofKind(String kind) {
    return manifests.stream().filter(manifest -> kind.equals(manifest.path("kind").asString()));
  }

  static List<JsonNode> knativeServices() {
    return ofKind("Service")
        .filter(service -> service.path("apiVersion").asString().startsWith("serving.knative.dev"))
        .toList();
  }

  static String name(JsonNode manifest) {
    return manifest.path("kind").asString() + "/" + manifest.at("/metadata/name").asString();
  }

  @Test
  void renderTheWholeChatInItsNamespace() {
    assertThat(manifests.stream().map(KnativeManifestsTests::name))
        .containsExactlyInAnyOrder(
            "Namespace/natter",
            "Service/artemis",
            "StatefulSet/artemis",
            "ConfigMap/natter-triggers",
            "Service/natter-broker",
            "Deployment/natter-broker",
            "Service/post-message",
            "Service/run-command",
            "Service/natter");
    manifests.stream()
        .filter(manifest -> !"Namespace".equals(manifest.path("kind").asString()))
        .forEach(
            manifest ->
                assertThat(manifest.at("/metadata/namespace").asString())
                    .as(name(manifest))
                    .isEqualTo("natter"));
  }

  @Test
  void everyObjectAndPodCarriesTheRecommendedLabels() {
    for (JsonNode manifest : manifests) {
      assertThat(manifest.at("/metadata/labels/app.kubernetes.io~1part-of").asString())
          .as(name(manifest))
          .isEqualTo("natter");
      JsonNode template = manifest.at("/spec/template");
      if (!template.isMissingNode()) {
        assertThat(template.at("/metadata/labels").propertyNames())
            .as(name(manifest) + " pods")
            .contains("app.kubernetes.io/name", "app.kubernetes.io/part-of");
      }
    }
  }

  @Test
  void knativeServicesValidateAgainstTheCrd() {
    assertThat(knativeServices()).hasSize(3);
    for (JsonNode service : knativeServices()) {
      assertThat(Schemas.errors(Schemas.knativeService(), service)).as(name(service)).isEmpty();
      List<String> unknown = new ArrayList<>();
      // The object's own metadata is Kubernetes' ObjectMeta, which the CRD leaves open.
      var withoutMetadata = (tools.jackson.databind.node.ObjectNode) service.deepCopy();
      withoutMetadata.remove("metadata");
      unknownFields(Schemas.knativeServiceSchema(), withoutMetadata, "", unknown);

      assertThat(unknown).as(name(service) + " fields the API server would drop").isEmpty();
    }
  }

  /** Fields of {@code value} its structural {@code schema} does not know. */
  static void unknownFields(JsonNode schema, JsonNode value, String path, List<String> unknown) {
    if (schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
      return;
    }
    if (value.isObject()) {
      JsonNode properties = schema.path("properties");
      JsonNode additional = schema.path("additionalProperties");
      for (var field : value.properties()) {
        String at = path + "." + field.getKey();
        if (properties.has(field.getKey())) {
          unknownFields(properties.path(field.getKey()), field.getValue(), at, unknown);
        } else if (additional.isObject()) {
          unknownFields(additional, field.getValue(), at, unknown);
        } else if (!additional.asBoolean(false)) {
          unknown.add(at);
        }
      }
    } else if (value.isArray()) {
      for (JsonNode item : value) {
        unknownFields(schema.path("items"), item, path + "[]", unknown);
      }
    }
  }

  /**
   * What the revision template may hold on Knative 1.8 without feature flags: its field masks
   * (pkg/apis/serving/fieldmask.go at release-1.8) and its autoscaling annotations. Fields added
   * later (pod security context, emptyDir volumes, startup probes, response and idle timeouts) are
   * refused there.
   */
  static final Set<String> KNATIVE_1_8 =
      Set.of(
          "metadata.labels.*",
          "metadata.annotations.autoscaling.knative.dev/min-scale",
          "metadata.annotations.autoscaling.knative.dev/max-scale",
          "metadata.annotations.autoscaling.knative.dev/initial-scale",
          "metadata.annotations.autoscaling.knative.dev/metric",
          "metadata.annotations.autoscaling.knative.dev/target",
          "metadata.annotations.autoscaling.knative.dev/window",
          "metadata.annotations.autoscaling.knative.dev/scale-to-zero-pod-retention-period",
          // free annotations, read by Prometheus's pod discovery, not by Knative
          "metadata.annotations.prometheus.io/scrape",
          "metadata.annotations.prometheus.io/port",
          "metadata.annotations.prometheus.io/path",
          "spec.containerConcurrency",
          "spec.timeoutSeconds",
          "spec.enableServiceLinks",
          "spec.serviceAccountName",
          "spec.containers[].name",
          "spec.containers[].image",
          "spec.containers[].env[].name",
          "spec.containers[].env[].value",
          "spec.containers[].env[].valueFrom.secretKeyRef.name",
          "spec.containers[].env[].valueFrom.secretKeyRef.key",
          "spec.containers[].env[].valueFrom.configMapKeyRef.name",
          "spec.containers[].env[].valueFrom.configMapKeyRef.key",
          "spec.containers[].ports[].name",
          "spec.containers[].ports[].containerPort",
          "spec.containers[].readinessProbe.httpGet.path",
          "spec.containers[].readinessProbe.periodSeconds",
          "spec.containers[].readinessProbe.initialDelaySeconds",
          "spec.containers[].readinessProbe.timeoutSeconds",
          "spec.containers[].readinessProbe.failureThreshold",
          "spec.containers[].livenessProbe.httpGet.path",
          "spec.containers[].livenessProbe.periodSeconds",
          "spec.containers[].livenessProbe.initialDelaySeconds",
          "spec.containers[].livenessProbe.timeoutSeconds",
          "spec.containers[].livenessProbe.failureThreshold",
          "spec.containers[].resources.requests.cpu",
          "spec.containers[].resources.requests.memory",
          "spec.containers[].resources.limits.cpu",
          "spec.containers[].resources.limits.memory",
          "spec.containers[].securityContext.runAsNonRoot",
          "spec.containers[].securityContext.runAsUser",
          "spec.containers[].securityContext.runAsGroup",
          "spec.containers[].securityContext.allowPrivilegeEscalation",
          "spec.containers[].securityContext.readOnlyRootFilesystem",
          "spec.containers[].securityContext.capabilities.drop[]",
          "spec.containers[].securityContext.seccompProfile.type");

  @Test
  void knativeServicesUseOnlyWhatKnative18Accepts() {
    for (JsonNode service : knativeServices()) {
      Set<String> used = new TreeSet<>();
      leaves(service.at("/spec/template"), "", used);
      assertThat(used)
          .as(name(service))
          .allSatisfy(path -> assertThat(KNATIVE_1_8).as(path).contains(path));
      assertThat(service.at("/spec/template/spec/containers").size()).isOne();
    }
  }

  static void leaves(JsonNode node, String path, Set<String> out) {
    if (node.isObject()) {
      for (var field : node.properties()) {
        String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
        if (at.equals("metadata.labels")) {
          out.add("metadata.labels.*");
        } else {
          leaves(field.getValue(), at, out);
        }
      }
    } else if (node.isArray()) {
      node.forEach(item -> leaves(item, path + "[]", out));
    } else {
      out.add(path);
    }
  }

  @Test
  void functionsScaleToZeroAndTheGatewayStaysWarm() {
    for (JsonNode service : knativeServices()) {
      String minScale =
          service
              .at("/spec/template/metadata/annotations/autoscaling.knative.dev~1min-scale")
              .asString();
      boolean gateway = service.at("/metadata/name").asString().equals("natter");
      assertThat(minScale).as(name(service)).isEqualTo(gateway ? "1" : "0");
      JsonNode container = service.at("/spec/template/spec/containers/0");
      assertThat(container.at("/readinessProbe/httpGet/path").asString()).isEqualTo("/readyz");
      assertThat(container.at("/livenessProbe/httpGet/path").asString()).isEqualTo("/livez");
      assertThat(container.at("/resources/limits/memory").asString()).isNotBlank();
      assertThat(service.at("/spec/template/spec/timeoutSeconds").asInt()).isPositive();
    }
  }

  /** Every container runs as a non-root user that cannot gain privileges, without capabilities. */
  @Test
  void securityContextsAreHardened() {
    manifests.stream()
        .filter(manifest -> !manifest.at("/spec/template/spec/containers").isMissingNode())
        .forEach(
            workload -> {
              JsonNode pod = workload.at("/spec/template/spec");
              for (JsonNode container : pod.path("containers")) {
                String what = name(workload) + " " + container.path("name").asString();
                JsonNode security = container.path("securityContext");
                assertThat(
                        security.path("runAsNonRoot").asBoolean(false)
                            || pod.at("/securityContext/runAsNonRoot").asBoolean(false))
                    .as(what + " runs as non-root")
                    .isTrue();
                assertThat(security.path("allowPrivilegeEscalation").asBoolean(true))
                    .as(what)
                    .isFalse();
                assertThat(security.at("/capabilities/drop/0").asString())
                    .as(what)
                    .isEqualTo("ALL");
                String seccomp =
                    security
                        .at("/seccompProfile/type")
                        .asString(pod.at("/securityContext/seccompProfile/type").asString(""));
                assertThat(seccomp).as(what + " seccomp profile").isEqualTo("RuntimeDefault");
              }
            });
  }

  /** Kubernetes objects other than Knative's, read with fabric8's model: no field it ignores. */
  @Test
  void coreObjectsParseStrictly() throws Exception {
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    Map<String, Class<?>> models =
        Map.of(
            "Namespace", io.fabric8.kubernetes.api.model.Namespace.class,
            "Service", io.fabric8.kubernetes.api.model.Service.class,
            "ConfigMap", io.fabric8.kubernetes.api.model.ConfigMap.class,
            "Deployment", io.fabric8.kubernetes.api.model.apps.Deployment.class,
            "StatefulSet", io.fabric8.kubernetes.api.model.apps.StatefulSet.class);
    int parsed = 0;
    for (JsonNode manifest : manifests) {
      if (manifest.path("apiVersion").asString().startsWith("serving.knative.dev")) {
        continue;
      }
      Class<?> model = models.get(manifest.path("kind").asString());
      assertThat(model).as("a model for " + name(manifest)).isNotNull();
      Object object = json.readValue(manifest.toString(), model);
      List<String> ignored = new ArrayList<>();
      additionalProperties(object, name(manifest), ignored);
      assertThat(ignored).as(name(manifest) + " fields Kubernetes does not know").isEmpty();
      parsed++;
    }
    assertThat(parsed).isEqualTo(6);
  }

  /** fabric8 keeps fields its model lacks in additionalProperties: any there is a mistake. */
  static void additionalProperties(Object object, String path, List<String> found)
      throws Exception {
    if (object == null || !object.getClass().getPackageName().startsWith("io.fabric8")) {
      return;
    }
    for (Method getter : object.getClass().getMethods()) {
      if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get")) {
        continue;
      }
      Object value = getter.invoke(object);
      if (getter.getName().equals("getAdditionalProperties")) {
        ((Map<?, ?>) value).keySet().forEach(key -> found.add(path + "." + key));
      } else if (value instanceof Collection<?> items) {
        for (Object item : items) {
          additionalProperties(item, path + "." + getter.getName().substring(3), found);
        }
      } else if (value instanceof Map<?, ?> map) {
        for (Object item : map.values()) {
          additionalProperties(item, path + "." + getter.getName().substring(3), found);
        }
      } else {
        additionalProperties(value, path + "." + getter.getName().substring(3), found);
      }
    }
  }
}
