package dev.natter.functions.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@SpringBootTest
@AutoConfigureMockMvc
class EventRouterTests {

  static final String DATA = "{\"author\":\"alice\",\"text\":\"  Cafe\u0301  \"}";

  @Autowired MockMvc mvc;

  static MockHttpServletRequestBuilder binary(String type) {
    return withoutId(type).header("ce-id", "sub-1");
  }

  static MockHttpServletRequestBuilder withoutId(String type) {
    return post("/")
        .header("ce-specversion", "1.0")
        .header("ce-source", "/tests")
        .header("ce-type", type)
        .header("ce-room", "general")
        .contentType(MediaType.APPLICATION_JSON)
        .content(DATA);
  }

  static MockHttpServletRequestBuilder structured() {
    String event =
        "{\"specversion\":\"1.0\",\"id\":\"sub-1\",\"source\":\"/tests\","
            + "\"type\":\"chat.message.submitted\",\"room\":\"general\","
            + "\"datacontenttype\":\"application/json\",\"data\":"
            + DATA
            + "}";
    return post("/").contentType("application/cloudevents+json").content(event);
  }

  @Test
  void answersSubmissionWithPostedEventInBinaryMode() throws Exception {
    mvc.perform(binary("chat.message.submitted"))
        .andExpect(status().isOk())
        .andExpect(
            result ->
                assertThat(result.getResponse().getHeader("ce-type"))
                    .isEqualTo("chat.message.posted"))
        .andExpect(
            result -> assertThat(result.getResponse().getHeader("ce-room")).isEqualTo("general"))
        .andExpect(jsonPath("$.text").value("Caf\u00e9"))
        .andExpect(jsonPath("$.submissionId").value("sub-1"));
  }

  @Autowired MeterRegistry metrics;

  @Test
  void timesEachInvocationByFunctionAndReply() throws Exception {
    double before = invocations("postMessage", "chat.message.posted");

    mvc.perform(binary("chat.message.submitted")).andExpect(status().isOk());

    assertThat(invocations("postMessage", "chat.message.posted")).isEqualTo(before + 1);
  }

  double invocations(String function, String reply) {
    Timer timer =
        metrics
            .find("natter.function.invocations")
            .tag("function", function)
            .tag("reply", reply)
            .timer();
    return timer == null ? 0 : timer.count();
  }

  @Test // C12
  void answersBinaryAndStructuredModeAlike() throws Exception {
    MvcResult binary = mvc.perform(binary("chat.message.submitted")).andReturn();
    MvcResult structured = mvc.perform(structured()).andReturn();

    assertThat(structured.getResponse().getStatus()).isEqualTo(binary.getResponse().getStatus());
    assertThat(structured.getResponse().getHeader("ce-type"))
        .isEqualTo(binary.getResponse().getHeader("ce-type"));
    assertThat(structured.getResponse().getContentAsString())
        .isEqualTo(binary.getResponse().getContentAsString());
  }

  @Test
  void routesCommandsToTheCommandFunction() throws Exception {
    mvc.perform(
            binary("chat.message.submitted")
                .header("ce-chatcommand", "roll")
                .content("{\"author\":\"alice\",\"text\":\"/roll 2d6\"}"))
        .andExpect(status().isOk())
        .andExpect(
            result ->
                assertThat(result.getResponse().getHeader("ce-type"))
                    .isEqualTo("chat.dice.rolled"));
  }

  /** Whoever posts through the ingress names the author: the answer says where it came from. */
  @Test
  void namesTheProducerOfASubmissionThatDidNotComeFromThePage() throws Exception {
    mvc.perform(binary("chat.message.submitted"))
        .andExpect(status().isOk())
        .andExpect(
            result -> assertThat(result.getResponse().getHeader("ce-chatvia")).isEqualTo("/tests"));
    mvc.perform(
            post("/")
                .header("ce-specversion", "1.0")
                .header("ce-id", "sub-2")
                .header("ce-source", "/natter/gateway")
                .header("ce-type", "chat.message.submitted")
                .header("ce-room", "general")
                .contentType(MediaType.APPLICATION_JSON)
                .content(DATA))
        .andExpect(status().isOk())
        .andExpect(result -> assertThat(result.getResponse().getHeader("ce-chatvia")).isNull());
  }

  /** In the running app, help lists every command, itself included. */
  @Test
  void helpListsEveryCommandItselfIncluded() throws Exception {
    mvc.perform(
            binary("chat.message.submitted")
                .header("ce-chatcommand", "help")
                .content("{\"author\":\"alice\",\"text\":\"/help\"}"))
        .andExpect(status().isOk())
        .andExpect(
            jsonPath("$.commands[*].usage")
                .value(
                    org.hamcrest.Matchers.contains(
                        "/help",
                        "/me <action>",
                        "/nick <new nick>",
                        "/roll NdM",
                        "/topic <text>")));
  }

  @Test
  void refusesTypeOutsideTheAllowList() throws Exception {

    mvc.perform(binary("chat.message.posted"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.attribute").value("type"))
        .andExpect(
            jsonPath("$.detail").value("No function here handles type 'chat.message.posted'"));
  }

  @Test
  void ignoresHeadersThatTryToChooseOrEvaluateAFunction() throws Exception {
    MvcResult result =
        mvc.perform(
                binary("chat.message.posted")
                    .header("spring.cloud.function.definition", "postMessage")
                    .header(
                        "spring.cloud.function.routing-expression",
                        "T(java.lang.Runtime).getRuntime().exec('false')"))
            .andReturn();

    assertThat(result.getResponse().getStatus()).isEqualTo(400);
  }

  @Test
  void refusesEventWithoutId() throws Exception {
    mvc.perform(withoutId("chat.message.submitted"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.attribute").value("id"))
        .andExpect(jsonPath("$.trace").doesNotExist());
  }

  @Test
  void refusesDataItCannotRead() throws Exception {
    mvc.perform(binary("chat.message.submitted").content("{not json"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.attribute").value("data"));
  }

  @Test
  void refusesBodyOverTheLimit() throws Exception {
    mvc.perform(binary("chat.message.submitted").content("x".repeat(300_000)))
        .andExpect(status().isContentTooLarge());
  }

  @Test
  void refusesNullData() throws Exception {
    mvc.perform(binary("chat.message.submitted").content("null"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.attribute").value("data"));
  }

  @Test
  void refusesMultipartAsNoEvent() throws Exception {
    mvc.perform(
            post("/").contentType("multipart/form-data; boundary=x").content("--x\r\n\r\n--x--"))
        .andExpect(status().isUnsupportedMediaType());
  }

  @Test
  void refusesRequestThatIsNoEvent() throws Exception {

    MvcResult result =
        mvc.perform(post("/").contentType(MediaType.TEXT_PLAIN).content("hello"))
            .andExpect(status().isUnsupportedMediaType())
            .andReturn();

    assertThat(JsonPath.<String>read(result.getResponse().getContentAsString(), "$.title"))
        .isEqualTo("Unsupported media type");
  }
}
