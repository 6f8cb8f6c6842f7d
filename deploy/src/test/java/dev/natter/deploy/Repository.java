package dev.natter.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The repository's deployment files and what its apps read, as the checks need them. */
final class Repository {

  static final YAMLMapper YAML = new YAMLMapper();

  /** Surefire runs in this module's folder; the repository is its parent. */
  static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  /** The apps that ship as images, by the folder they are built in. */
  static final List<String> APPS = List.of("broker", "functions", "gateway");

  private Repository() {}

  static String read(String path) {
    try {
      return Files.readString(ROOT.resolve(path), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode yaml(String path) {
    return YAML.readTree(read(path));
  }

  /** A Compose file as Compose reads it: YAML anchors, aliases and merge keys resolved. */
  static JsonNode compose(String path) {
    Object loaded = new org.yaml.snakeyaml.Yaml().load(read(path));
    return YAML.valueToTree(loaded);
  }

  static List<JsonNode> documents(String yaml) {
    List<JsonNode> documents = new ArrayList<>();
    try (MappingIterator<JsonNode> iterator = YAML.readerFor(JsonNode.class).readValues(yaml)) {
      iterator.forEachRemaining(
          document -> {
            if (document != null && !document.isEmpty()) {
              documents.add(document);
            }
          });
    }
    return documents;
  }

  /** {@code kubectl kustomize knative}: what {@code kubectl apply -k knative} would apply. */
  static List<JsonNode> renderedManifests() throws IOException, InterruptedException {
    Process kubectl =
        new ProcessBuilder("kubectl", "kustomize", ROOT.resolve("knative").toString())
            .redirectErrorStream(false)
            .start();
    String out = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(kubectl.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!kubectl.waitFor(60, TimeUnit.SECONDS) || kubectl.exitValue() != 0) {
      throw new IllegalStateException("kubectl kustomize knative failed: " + err);
    }
    return documents(out);
  }

  /** The project's version, from the parent POM: the images' tag. */
  static String version() throws Exception {
    return childOf(parentPom(), "version");
  }

  /**
   * Artemis's official image at the version the apps are built with (published as {@code
   * apache/artemis} since Artemis left ActiveMQ).
   */
  static String artemisImage() throws Exception {
    Element properties = (Element) parentPom().getElementsByTagName("properties").item(0);
    return "apache/artemis:" + childOf(properties, "artemis.version");
  }

  private static Element parentPom() throws Exception {
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(ROOT.resolve("pom.xml").toFile())
        .getDocumentElement();
  }

  private static String childOf(Element parent, String name) {
    for (var child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (name.equals(child.getNodeName())) {
        return child.getTextContent().trim();
      }
    }
    throw new IllegalStateException("pom.xml names no " + name);
  }

  /** The image an app is built into, without a registry. */
  static String image(String app) throws Exception {
    return "natter-" + app + ":" + version();
  }

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");

  /** The environment variables an app reads: the placeholders of its application.yaml. */
  static Set<String> environmentReadBy(String app) {
    Set<String> names = new TreeSet<>();
    Matcher matcher = PLACEHOLDER.matcher(read(app + "/src/main/resources/application.yaml"));
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }

  /** Read by the platform rather than the app: Spring Boot, and Paketo's launcher and tools. */
  static final Set<String> PLATFORM_ENVIRONMENT =
      Set.of(
          "SPRING_CONFIG_ADDITIONAL_LOCATION", // Spring Boot: more configuration files
          "LOGGING_STRUCTURED_FORMAT_CONSOLE", // Spring Boot: JSON log lines on the console
          "BPL_JVM_THREAD_COUNT", // Paketo's memory calculator
          "THC_PORT", // Paketo's health checker
          "THC_PATH");

  /** What the Artemis image reads at its first start. */
  static final Set<String> ARTEMIS_ENVIRONMENT =
      Set.of("ARTEMIS_USER", "ARTEMIS_PASSWORD", "ANONYMOUS_LOGIN", "EXTRA_ARGS");
}
