package dev.natter.events.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.natter.events.InvalidEventException;
import dev.natter.events.UnsupportedEventMediaTypeException;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CloudEventHttpTests {

  static Map<String, String> binaryHeaders() {
    Map<String, String> headers = new HashMap<>();
    headers.put("ce-specversion", "1.0");
    headers.put("ce-id", "42");
    headers.put("ce-source", "/tests");
    headers.put("ce-type", "chat.message.submitted");
    headers.put("ce-room", "general");
    headers.put("Content-Type", "application/json");
    return headers;
  }

  static String structured(String attributes) {
    return "{" + attributes + "\"data\":{\"text\":\"hi\"}}";
  }

  static final String VALID =
      "\"specversion\":\"1.0\",\"id\":\"42\",\"source\":\"/tests\","
          + "\"type\":\"chat.message.submitted\",\"room\":\"general\","
          + "\"datacontenttype\":\"application/json\",";

  static List<CloudEvent> readStructured(String json) {
    return CloudEventHttp.read(
        Map.of("content-type", "application/cloudevents+json; charset=utf-8"),
        json.getBytes(UTF_8));
  }

  @Nested
  class BinaryMode {

    @Test
    void readsAttributesExtensionsAndData() {
      CloudEvent event =
          CloudEventHttp.read(binaryHeaders(), "{\"text\":\"hi\"}".getBytes(UTF_8)).get(0);

      assertThat(event.getId()).isEqualTo("42");
      assertThat(event.getSource()).hasToString("/tests");
      assertThat(event.getType()).isEqualTo("chat.message.submitted");
      assertThat(event.getExtension("room")).isEqualTo("general");
      assertThat(event.getDataContentType()).isEqualTo("application/json");
      assertThat(new String(event.getData().toBytes(), UTF_8)).isEqualTo("{\"text\":\"hi\"}");
    }

    @Test
    void readsHeadersWhateverTheirCase() {
      Map<String, String> headers = new HashMap<>();
      binaryHeaders().forEach((name, value) -> headers.put(name.toUpperCase(), value));

      CloudEvent event = CloudEventHttp.read(headers, new byte[0]).get(0);

      assertThat(event.getId()).isEqualTo("42");
      assertThat(event.getData()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"id", "source", "type", "specversion"})
    void rejectsEventWithoutRequiredAttribute(String attribute) {
      Map<String, String> headers = binaryHeaders();
      headers.remove("ce-" + attribute);

      assertThatThrownBy(() -> CloudEventHttp.read(headers, new byte[0]))
          .isInstanceOfSatisfying(
              InvalidEventException.class, e -> assertThat(e.attribute()).isEqualTo(attribute))
          .hasMessageContaining(attribute);
    }

    @ParameterizedTest // C10
    @ValueSource(strings = {"0.2", "2.0", "", "1"})
    void rejectsUnknownSpecVersion(String version) {
      Map<String, String> headers = binaryHeaders();
      headers.put("ce-specversion", version);

      assertThatThrownBy(() -> CloudEventHttp.read(headers, new byte[0]))
          .isInstanceOfSatisfying(
              InvalidEventException.class, e -> assertThat(e.attribute()).isEqualTo("specversion"));
    }

    @Test
    void rejectsTimeThatIsNotRfc3339() {
      Map<String, String> headers = binaryHeaders();
      headers.put("ce-time", "yesterday");

      assertThatThrownBy(() -> CloudEventHttp.read(headers, new byte[0]))
          .isInstanceOfSatisfying(
              InvalidEventException.class, e -> assertThat(e.attribute()).isEqualTo("time"));
    }
  }

  @Nested
  class StructuredMode {

    @Test
    void readsAttributesExtensionsAndData() {
      CloudEvent event = readStructured(structured(VALID)).get(0);

      assertThat(event.getId()).isEqualTo("42");
      assertThat(event.getExtension("room")).isEqualTo("general");
      assertThat(new String(event.getData().toBytes(), UTF_8)).isEqualTo("{\"text\":\"hi\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"id", "source", "type", "specversion"})
    void rejectsEventWithoutRequiredAttribute(String attribute) {
      String json = structured(VALID.replace("\"" + attribute + "\":", "\"x" + attribute + "\":"));

      assertThatThrownBy(() -> readStructured(json))
          .isInstanceOfSatisfying(
              InvalidEventException.class, e -> assertThat(e.attribute()).isEqualTo(attribute));
    }

    @ParameterizedTest // C10
    @ValueSource(strings = {"0.2", "2.0"})
    void rejectsUnknownSpecVersion(String version) {
      String json = structured(VALID.replace("\"1.0\"", "\"" + version + "\""));

      assertThatThrownBy(() -> readStructured(json))
          .isInstanceOfSatisfying(
              InvalidEventException.class, e -> assertThat(e.attribute()).isEqualTo("specversion"));
    }

    @Test // C10
    void convertsSpecVersion03To10() {
      String json = structured(VALID.replace("\"1.0\"", "\"0.3\""));

      CloudEvent event = readStructured(json).get(0);

      assertThat(event.getSpecVersion()).isEqualTo(SpecVersion.V1);
      assertThat(event.getExtension("room")).isEqualTo("general");
    }

    @Test // C11
    void decodesDataBase64ToBytes() {
      String json =
          "{"
              + VALID.replace("application/json", "application/octet-stream")
              + "\"data_base64\":\"AAEC/w==\"}";

      CloudEvent event = readStructured(json).get(0);

      assertThat(event.getData().toBytes()).containsExactly(0, 1, 2, 255);
    }

    @Test // C11
    void rejectsEventWithBothDataAndDataBase64() {
      String json = "{" + VALID + "\"data\":{},\"data_base64\":\"AAEC\"}";

      assertThatThrownBy(() -> readStructured(json))
          .isInstanceOfSatisfying(
              InvalidEventException.class, e -> assertThat(e.attribute()).isEqualTo("data_base64"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{not json", "[]", "42", "null", ""})
    void rejectsBodyThatIsNotAnEventObject(String body) {
      assertThatThrownBy(() -> readStructured(body)).isInstanceOf(InvalidEventException.class);
    }

    @Test
    void rejectsAttributeThatIsNotAString() {
      String json = structured(VALID.replace("\"id\":\"42\"", "\"id\":42"));

      assertThatThrownBy(() -> readStructured(json))
          .isInstanceOfSatisfying(
              InvalidEventException.class, e -> assertThat(e.attribute()).isEqualTo("id"));
    }

    @Test
    void rejectsInvalidExtensionName() {
      String json = structured(VALID + "\"Bad_Name\":\"x\",");

      assertThatThrownBy(() -> readStructured(json))
          .isInstanceOfSatisfying(
              InvalidEventException.class, e -> assertThat(e.attribute()).isEqualTo("Bad_Name"));
    }
  }

  @Nested
  class BatchMode {

    static List<CloudEvent> readBatch(String json) {
      return CloudEventHttp.read(
          Map.of("Content-Type", "application/cloudevents-batch+json"), json.getBytes(UTF_8));
    }

    @Test
    void readsEveryEvent() {
      String second = structured(VALID.replace("\"42\"", "\"43\""));

      List<CloudEvent> events = readBatch("[" + structured(VALID) + "," + second + "]");

      assertThat(events).extracting(CloudEvent::getId).containsExactly("42", "43");
    }

    @Test
    void rejectsWholeBatchForOneInvalidEvent() {
      String invalid = structured(VALID.replace("\"type\":", "\"xtype\":"));

      assertThatThrownBy(() -> readBatch("[" + structured(VALID) + "," + invalid + "]"))
          .isInstanceOfSatisfying(
              InvalidEventException.class, e -> assertThat(e.attribute()).isEqualTo("type"));
    }
  }

  @Nested
  class Hardening {

    @ParameterizedTest
    @ValueSource(strings = {"id\r\nx-injected: 1", "id\u0000", "tab\there"})
    void rejectsControlCharactersInAttributes(String id) {
      String json =
          structured(
              VALID.replace(
                  "\"42\"",
                  "\""
                      + id.replace("\r", "\\r")
                          .replace("\n", "\\n")
                          .replace("\u0000", "\\u0000")
                          .replace("\t", "\\t")
                      + "\""));

      assertThatThrownBy(() -> readStructured(json))
          .isInstanceOfSatisfying(
              InvalidEventException.class, e -> assertThat(e.attribute()).isEqualTo("id"));
    }

    @Test
    void rejectsAttributesTooLongForAHeader() {
      String json = structured(VALID + "\"subject\":\"" + "s".repeat(3000) + "\",");

      assertThatThrownBy(() -> readStructured(json))
          .isInstanceOfSatisfying(
              InvalidEventException.class, e -> assertThat(e.attribute()).isEqualTo("subject"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"%%%", "foo", "text/", "/json", "a b/c"})
    void rejectsDataContentTypeThatIsNoMediaType(String type) {
      Map<String, String> headers = binaryHeaders();
      headers.put("Content-Type", type);

      assertThatThrownBy(() -> CloudEventHttp.read(headers, new byte[0]))
          .isInstanceOfSatisfying(
              InvalidEventException.class,
              e -> assertThat(e.attribute()).isEqualTo("datacontenttype"));
    }

    @Test
    void rejectsExtensionsNamedLikeData() {
      Map<String, String> headers = binaryHeaders();
      headers.put("ce-data", "shadow");

      assertThatThrownBy(() -> CloudEventHttp.read(headers, new byte[0]))
          .isInstanceOfSatisfying(
              InvalidEventException.class, e -> assertThat(e.attribute()).isEqualTo("data"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "{}", "[]"})
    void rejectsExtensionsThatAreNotScalars(String value) {
      String json = structured(VALID.replace("\"room\":\"general\"", "\"room\":" + value));

      assertThatThrownBy(() -> readStructured(json))
          .isInstanceOfSatisfying(
              InvalidEventException.class, e -> assertThat(e.attribute()).isEqualTo("room"));
    }

    @Test
    void rejectsDataBase64ThatIsNotAString() {
      String json = "{" + VALID + "\"data_base64\":5}";

      assertThatThrownBy(() -> readStructured(json))
          .isInstanceOfSatisfying(
              InvalidEventException.class, e -> assertThat(e.attribute()).isEqualTo("data_base64"));
    }

    @Test
    void rejectsTrailingContentAfterTheEvent() {
      assertThatThrownBy(() -> readStructured(structured(VALID) + "{\"more\":1}"))
          .isInstanceOf(InvalidEventException.class);
    }

    @Test
    void percentEncodesHeaderValuesAndDecodesThemBack() {
      CloudEvent event =
          io.cloudevents.core.builder.CloudEventBuilder.v1()
              .withId("ünï-☃ 100% \"quoted\"")
              .withSource(java.net.URI.create("/tests"))
              .withType("t")
              .withExtension("room", "grüße")
              .build();
      Map<String, String> headers = new HashMap<>();

      CloudEventHttp.writeBinary(event, headers::put, body -> {});

      assertThat(headers.get("ce-id")).isEqualTo("%C3%BCn%C3%AF-%E2%98%83%20100%25%20%22quoted%22");
      CloudEvent read = CloudEventHttp.read(headers, new byte[0]).get(0);
      assertThat(read.getId()).isEqualTo(event.getId());
      assertThat(read.getExtension("room")).isEqualTo("grüße");
    }

    @Test
    void keepsAPercentSignThatStartsNoEscape() {
      Map<String, String> headers = binaryHeaders();
      headers.put("ce-id", "50%-off%zz");

      assertThat(CloudEventHttp.read(headers, new byte[0]).get(0).getId()).isEqualTo("50%-off%zz");
    }
  }

  @Nested
  class MediaTypes {

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/json", "application/cloudevents+xml"})
    void refusesMediaTypeItDoesNotRead(String mediaType) {
      assertThatThrownBy(() -> CloudEventHttp.read(Map.of("Content-Type", mediaType), new byte[1]))
          .isInstanceOf(UnsupportedEventMediaTypeException.class)
          .hasMessageContaining(mediaType);
    }

    @Test
    void refusesRequestWithoutContentTypeOrEventHeaders() {
      assertThatThrownBy(() -> CloudEventHttp.read(Map.of(), new byte[1]))
          .isInstanceOf(UnsupportedEventMediaTypeException.class);
    }
  }
}
