package dev.natter.deploy;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The schemas of what cannot run here, kept under {@code src/test/resources/schemas} (see the
 * README there for where they come from).
 */
final class Schemas {

  private Schemas() {}

  static JsonNode resource(String name) {
    try (InputStream in = Schemas.class.getResourceAsStream("/schemas/" + name)) {
      return Repository.YAML.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The Compose Specification's schema (draft 7). */
  static Schema compose() {
    // The schema names itself relatively; it is read as from the specification's site.
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
        .getSchema(
            SchemaLocation.of("https://compose-spec.github.io/compose_spec.json"),
            resource("compose-spec.json"));
  }

  /** The OpenAPI v3 schema of Knative Serving's Service, from its CustomResourceDefinition. */
  static JsonNode knativeServiceSchema() {
    JsonNode crd = resource("knative-serving-service.crd.yaml");
    for (JsonNode version : crd.path("spec").path("versions")) {
      if ("v1".equals(version.path("name").asString())) {
        return version.path("schema").path("openAPIV3Schema");
      }
    }
    throw new IllegalStateException("The CRD has no v1 schema");
  }

  /** Kubernetes' structural schemas are OpenAPI v3, which draft 4 reads. */
  static Schema knativeService() {
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
        .getSchema(knativeServiceSchema());
  }

  static List<String> errors(Schema schema, JsonNode document) {
    return schema.validate(document).stream().map(Error::toString).toList();
  }
}
