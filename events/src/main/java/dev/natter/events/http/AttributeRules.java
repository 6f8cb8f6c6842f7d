package dev.natter.events.http;

import dev.natter.events.InvalidEventException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks the raw attributes of an incoming event against the CloudEvents specification, so that
 * every fault is reported with the attribute that caused it.
 *
 * @see <a href="https://github.com/cloudevents/spec/blob/v1.0.2/cloudevents/spec.md">CloudEvents
 *     1.0.2</a>
 */
final class AttributeRules {

  static final Set<String> SPEC_VERSIONS = Set.of("1.0", "0.3");

  private static final Set<String> REQUIRED = Set.of("id", "source", "type");

  private static final Pattern EXTENSION_NAME = Pattern.compile("[a-z0-9]{1,20}");

  /** Names the JSON format and binary mode give other meanings. */
  private static final Set<String> RESERVED_NAMES = Set.of("data", "data_base64");

  private static final Pattern MEDIA_TYPE =
      Pattern.compile("[\\w.+-]+/[\\w.+-]+\\s*(;\\s*[\\w.+-]+=(\"[^\"]*\"|[^;\\s]*)\\s*)*");

  /** Longest value of one attribute; events travel in headers, which servers bound. */
  static final int MAX_VALUE_LENGTH = 2048;

  private AttributeRules() {}

  /**
   * Validates attribute name to raw value, extensions included; {@code specversion} must be among
   * them.
   */
  static void check(Map<String, String> attributes) {
    checkSpecVersion(attributes.get("specversion"));
    attributes.forEach(AttributeRules::checkValue);
    for (String name : REQUIRED) {
      String value = attributes.get(name);
      if (value == null || value.isEmpty()) {
        throw new InvalidEventException(name, "Required attribute '" + name + "' is missing");
      }
    }
    checkUri("source", attributes.get("source"));
    checkUri("dataschema", attributes.get("dataschema"));
    checkTime(attributes.get("time"));
    checkMediaType(attributes.get("datacontenttype"));
  }

  /** Validates the name of an extension attribute. */
  static void checkExtensionName(String name) {
    if (!EXTENSION_NAME.matcher(name).matches() || RESERVED_NAMES.contains(name)) {
      throw new InvalidEventException(
          name,
          "Extension name '"
              + name
              + "' must be 1 to 20 lower-case letters or digits,"
              + " and not data or data_base64");
    }
  }

  private static void checkValue(String name, String value) {
    if (value.length() > MAX_VALUE_LENGTH) {
      throw new InvalidEventException(
          name, "Attribute '" + name + "' is longer than " + MAX_VALUE_LENGTH + " characters");
    }
    if (value.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidEventException(name, "Attribute '" + name + "' contains control characters");
    }
  }

  private static void checkMediaType(String value) {
    if (value != null && !MEDIA_TYPE.matcher(value).matches()) {
      throw new InvalidEventException(
          "datacontenttype", "Attribute 'datacontenttype' is not a media type");
    }
  }

  private static void checkSpecVersion(String version) {
    if (version == null) {
      throw new InvalidEventException("specversion", "Required attribute 'specversion' is missing");
    }
    if (!SPEC_VERSIONS.contains(version)) {
      throw new InvalidEventException(
          "specversion", "Attribute 'specversion' must be 1.0 or 0.3, not '" + version + "'");
    }
  }

  private static void checkUri(String name, String value) {
    if (value == null) {
      return;
    }
    try {
      new URI(value);
    } catch (URISyntaxException e) {
      throw new InvalidEventException(name, "Attribute '" + name + "' is not a URI-reference");
    }
  }

  private static void checkTime(String value) {
    if (value == null) {
      return;
    }
    try {
      OffsetDateTime.parse(value);
    } catch (DateTimeParseException e) {
      throw new InvalidEventException("time", "Attribute 'time' is not an RFC 3339 timestamp");
    }
  }
}
