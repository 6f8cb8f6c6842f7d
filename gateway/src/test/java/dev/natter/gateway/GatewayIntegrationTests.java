package dev.natter.gateway;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.natter.events.ChatEvents;
import dev.natter.events.EventData;
import dev.natter.events.PostedMessage;
import dev.natter.events.SubmittedMessage;
import dev.natter.events.jms.Destinations;
import dev.natter.events.jms.JmsCloudEvents;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayIntegrationTests {

  static TestBroker artemis;

  @DynamicPropertySource
  static void broker(DynamicPropertyRegistry registry) throws Exception {
    artemis = TestBroker.start();
    registry.add("natter.artemis.url", artemis::url);
    registry.add("natter.stream.heartbeat", () -> "300ms");
    registry.add("natter.history.size", () -> "3");
    registry.add("natter.presence.refresh", () -> "500ms");
    registry.add("spring.http.codecs.max-in-memory-size", () -> "4KB");
  }

  @AfterAll
  static void stopBroker() throws Exception {
    artemis.stop();
  }

  @LocalServerPort int port;
  @Autowired ActiveMQConnectionFactory factory;
  @Autowired io.micrometer.core.instrument.MeterRegistry meters;

  final HttpClient http = HttpClient.newHttpClient();
  Connection connection;
  Session session;

  @BeforeEach
  void connect() throws Exception {
    connection = factory.createConnection();
    session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
    connection.start();
  }

  @AfterEach
  void disconnect() throws Exception {
    connection.close();
  }

  URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  HttpResponse<String> post(String path, String json, String token) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  static final java.util.concurrent.atomic.AtomicInteger NICKS =
      new java.util.concurrent.atomic.AtomicInteger();

  /** A token for a nick nobody else in this run has: {@code base} and a number. */
  String token(String base) throws Exception {
    return session(base + NICKS.incrementAndGet()).token();
  }

  record ChatSession(String nick, String token, String cookie) {}

  ChatSession session(String nick) throws Exception {
    HttpResponse<String> response = post("/api/sessions", "{\"nick\":\"" + nick + "\"}", null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    String cookie = response.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    return new ChatSession(nick, JsonPath.read(response.body(), "$.token"), cookie);
  }

  static CloudEvent posted(String id, String room, String text) {
    return CloudEventBuilder.v1()
        .withId(id)
        .withSource(URI.create("/tests"))
        .withType(ChatEvents.MESSAGE_POSTED)
        .withTime(OffsetDateTime.parse("2026-12-03T10:00:00Z"))
        .withExtension(ChatEvents.ROOM, room)
        .withData(ChatEvents.JSON, EventData.write(new PostedMessage("alice", text, "sub-" + id)))
        .build();
  }

  void publish(String destination, boolean queue, CloudEvent event, long seq) throws Exception {
    Message message = JmsCloudEvents.write(event, session.createBytesMessage());
    message.setLongProperty(Destinations.SEQUENCE, seq);
    var target = queue ? session.createQueue(destination) : session.createTopic(destination);
    session.createProducer(target).send(message);
  }

  @Nested
  class Sessions {

    @Test
    void issuesTokenForValidNick() throws Exception {
      HttpResponse<String> response = post("/api/sessions", "{\"nick\":\" Zoë \"}", null);

      assertThat(response.statusCode()).isEqualTo(201);
      assertThat(JsonPath.<String>read(response.body(), "$.nick")).isEqualTo("Zoë");
      assertThat(JsonPath.<String>read(response.body(), "$.token")).contains(".");
    }

    @Test
    void refusesInvalidNickWithProblemDetail() throws Exception {
      HttpResponse<String> response = post("/api/sessions", "{\"nick\":\"<b>x</b>\"}", null);

      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValue("application/problem+json");
      assertThat(JsonPath.<String>read(response.body(), "$.title")).isEqualTo("Invalid nick");
    }

    @Test
    void refusesMalformedJsonWithoutStackTrace() throws Exception {
      HttpResponse<String> response = post("/api/sessions", "{not json", null);

      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(response.body()).doesNotContain("Exception").doesNotContain("at dev.");
    }

    HttpResponse<String> say(String token) throws Exception {
      return post("/api/rooms/general/messages", "{\"text\":\"still me?\"}", token);
    }

    @Test
    void refusesTheTokenOfASessionSignedOut() throws Exception {
      ChatSession erin = session("erin-out");
      assertThat(say(erin.token()).statusCode()).isEqualTo(202);

      HttpResponse<String> signOut =
          http.send(
              HttpRequest.newBuilder(uri("/api/sessions"))
                  .header("Authorization", "Bearer " + erin.token())
                  .DELETE()
                  .build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(signOut.statusCode()).isEqualTo(204);
      HttpResponse<String> after = say(erin.token());
      assertThat(after.statusCode()).as(after.body()).isEqualTo(401);
      assertThat(session("erin-out").token()).as("the nick is free").isNotEqualTo(erin.token());
    }

    @Test
    void freesTheNickOfASessionSignedOutWhileItsStreamIsStillOpen() throws Exception {
      ChatSession gwen = session("gwen-streaming");
      HttpRequest follow =
          HttpRequest.newBuilder(uri("/api/stream?room=gwens-room"))
              .header("Cookie", gwen.cookie())
              .build();
      HttpResponse<Stream<String>> stream = http.send(follow, HttpResponse.BodyHandlers.ofLines());
      stream.body().iterator().next();

      http.send(
          HttpRequest.newBuilder(uri("/api/sessions"))
              .header("Authorization", "Bearer " + gwen.token())
              .DELETE()
              .build(),
          HttpResponse.BodyHandlers.discarding());

      // Refreshes of the still open stream come every 500 ms; none may take the nick back.
      org.awaitility.Awaitility.await()
          .pollDelay(java.time.Duration.ofMillis(1_500))
          .atMost(java.time.Duration.ofSeconds(5))
          .until(
              () ->
                  post("/api/sessions", "{\"nick\":\"gwen-streaming\"}", null).statusCode() == 201);
      stream.body().close();
    }

    @Test
    void refusesTheOldTokenAfterANickChange() throws Exception {
      ChatSession fred = session("fred-old");

      HttpResponse<String> renamed =
          post("/api/sessions", "{\"nick\":\"fredrik-new\"}", fred.token());

      assertThat(renamed.statusCode()).isEqualTo(201);
      assertThat(say(fred.token()).statusCode()).isEqualTo(401);
      assertThat(say(JsonPath.read(renamed.body(), "$.token")).statusCode()).isEqualTo(202);
      assertThat(session("fred-old").nick()).as("the old nick is free").isEqualTo("fred-old");
    }
  }

  @Nested
  class Messages {

    @Test
    void sendsSubmittedEventWithAuthorFromTheToken() throws Exception {
      MessageConsumer broker = session.createConsumer(session.createTopic(Destinations.BROKER));
      ChatSession alice = session("alice-author");

      HttpResponse<String> response =
          post(
              "/api/rooms/general/messages",
              "{\"text\":\"hi\",\"author\":\"mallory\"}",
              alice.token());

      assertThat(response.statusCode()).isEqualTo(202);
      CloudEvent event = JmsCloudEvents.read(broker.receive(5_000));
      assertThat(event.getId()).isEqualTo(JsonPath.read(response.body(), "$.id"));
      assertThat(event.getType()).isEqualTo(ChatEvents.MESSAGE_SUBMITTED);
      assertThat(event.getExtension(ChatEvents.ROOM)).isEqualTo("general");
      assertThat(EventData.read(event, SubmittedMessage.class))
          .isEqualTo(new SubmittedMessage("alice-author", "hi"));
    }

    @Test
    void refusesMessageWithoutToken() throws Exception {
      HttpResponse<String> response =
          post("/api/rooms/general/messages", "{\"text\":\"hi\"}", null);

      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }

    @Test
    void refusesForgedToken() throws Exception {
      HttpResponse<String> response =
          post("/api/rooms/general/messages", "{\"text\":\"hi\"}", token("alice") + "x");

      assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void refusesInvalidRoomAndMissingText() throws Exception {
      String token = token("alice");

      assertThat(
              post("/api/rooms/Not%20A%20Room/messages", "{\"text\":\"hi\"}", token).statusCode())
          .isEqualTo(400);
      assertThat(post("/api/rooms/general/messages", "{}", token).statusCode()).isEqualTo(400);
    }

    @Test // C17
    void holdsBackAFlooderAfterTheBurstWithoutSlowingOthers() throws Exception {
      String flooder = token("flooder");
      String bystander = token("bystander");
      List<HttpResponse<String>> answers = new java.util.ArrayList<>();

      for (int i = 0; i < 100; i++) {
        answers.add(post("/api/rooms/flood/messages", "{\"text\":\"spam " + i + "\"}", flooder));
      }

      long accepted = answers.stream().filter(answer -> answer.statusCode() == 202).count();
      assertThat(accepted).isBetween(10L, 15L);
      HttpResponse<String> refused = answers.get(answers.size() - 1);
      assertThat(refused.statusCode()).isEqualTo(429);
      assertThat(refused.headers().firstValue("Retry-After"))
          .hasValueSatisfying(seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 2));
      assertThat(post("/api/rooms/flood/messages", "{\"text\":\"hi\"}", bystander).statusCode())
          .isEqualTo(202);
    }

    @Test
    void refusesBodyOverTheLimit() throws Exception {

      String text = "x".repeat(10_000);

      HttpResponse<String> response =
          post("/api/rooms/general/messages", "{\"text\":\"" + text + "\"}", token("alice"));

      assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void listsRecentMessagesOldestFirst() throws Exception {
      for (int i = 1; i <= 3; i++) {
        publish(Destinations.history("lobby"), true, posted("m" + i, "lobby", "text " + i), i);
      }

      HttpResponse<String> response = get("/api/rooms/lobby/messages?limit=2");

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(JsonPath.<List<String>>read(response.body(), "$[*].text"))
          .containsExactly("text 2", "text 3");
      assertThat(JsonPath.<List<String>>read(response.body(), "$[*].author"))
          .containsExactly("alice", "alice");
      assertThat(JsonPath.<List<Integer>>read(response.body(), "$[*].seq")).containsExactly(2, 3);
    }

    @Test
    void pagesBackThroughTheHistory() throws Exception {
      for (int i = 1; i <= 3; i++) {
        publish(
            Destinations.history("pages"), true, posted("p" + i, "pages", "page " + i), 400 + i);
      }

      HttpResponse<String> response = get("/api/rooms/pages/messages?limit=5&before=403");

      assertThat(JsonPath.<List<String>>read(response.body(), "$[*].text"))
          .containsExactly("page 1", "page 2");
    }

    @Test
    void listsNothingForARoomWithoutHistory() throws Exception {
      HttpResponse<String> response = get("/api/rooms/empty-room/messages");

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("[]");
    }
  }

  @Nested
  class EventStream {

    HttpResponse<Stream<String>> open(String query) throws Exception {
      HttpRequest request =
          HttpRequest.newBuilder(uri("/api/stream?" + query))
              .header("Origin", "https://elsewhere.example")
              .build();
      return http.send(request, HttpResponse.BodyHandlers.ofLines());
    }

    List<String> nextEvent(Iterator<String> lines) {
      List<String> event = new java.util.ArrayList<>();
      while (lines.hasNext()) {
        String line = lines.next();
        if (line.isEmpty() && event.stream().anyMatch(l -> l.startsWith("data:"))) {
          return event;
        }
        if (!line.isEmpty() && !line.startsWith(":")) {
          event.add(line);
        }
      }
      return event;
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void streamsEventsOfFollowedRoomsWithTypeIdAndWholeEvent() throws Exception {
      HttpResponse<Stream<String>> response = open("room=general&room=random");
      Iterator<String> lines = response.body().iterator();

      waitForHeartbeat(lines);
      publish(Destinations.STREAM, false, posted("e-other", "elsewhere", "not for us"), 6);
      publish(Destinations.STREAM, false, posted("e-1", "general", "Grüße 👋 你好"), 7);

      List<String> event = nextEvent(lines);
      assertThat(event).contains("id:7", "event:chat.message.posted");
      String data = event.stream().filter(l -> l.startsWith("data:")).findFirst().orElseThrow();
      assertThat(JsonPath.<String>read(data.substring(5), "$.id")).isEqualTo("e-1");
      assertThat(JsonPath.<String>read(data.substring(5), "$.data.text")).isEqualTo("Grüße 👋 你好");
    }

    @Test // C3, C7
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void answersWithHeadersThatKeepProxiesFromBuffering() throws Exception {
      HttpResponse<Stream<String>> response = open("room=general");

      var headers = response.headers();
      assertThat(headers.firstValue("Content-Type"))
          .hasValueSatisfying(
              type -> assertThat(type).matches("text/event-stream(;\\s*charset=UTF-8)?"));
      assertThat(headers.firstValue("Cache-Control")).hasValue("no-cache");
      assertThat(headers.firstValue("X-Accel-Buffering")).hasValue("no");
      assertThat(headers.firstValue("Content-Length")).isEmpty();
      assertThat(headers.firstValue("Content-Encoding")).isEmpty();
      response.body().close();
    }

    @Test // C4
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void writesHeartbeatCommentsOnAnIdleStream() throws Exception {
      HttpResponse<Stream<String>> response = open("room=quiet");
      Iterator<String> lines = response.body().iterator();

      waitForHeartbeat(lines);
      waitForHeartbeat(lines);
      response.body().close();
    }

    void waitForHeartbeat(Iterator<String> lines) {
      while (lines.hasNext()) {
        if (lines.next().startsWith(":")) {
          return;
        }
      }
      throw new AssertionError("stream ended without a heartbeat");
    }

    HttpResponse<Stream<String>> resume(String query, String lastEventIdHeader) throws Exception {
      HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/stream?" + query));
      if (lastEventIdHeader != null) {
        request.header("Last-Event-ID", lastEventIdHeader);
      }
      return http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
    }

    void keep(String room, int... seqs) throws Exception {
      for (int seq : seqs) {
        publish(
            Destinations.history(room), true, posted(room + "-" + seq, room, "text " + seq), seq);
      }
    }

    @Test // C5
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void resumesAfterLastEventIdExactlyOnceThenGoesLive() throws Exception {
      keep("resume", 101, 102, 103);

      HttpResponse<Stream<String>> response = resume("room=resume", "101");
      Iterator<String> lines = response.body().iterator();

      assertThat(nextEvent(lines)).contains("id:102");
      assertThat(nextEvent(lines)).contains("id:103");
      publish(Destinations.STREAM, false, posted("resume-103", "resume", "text 103"), 103);
      publish(Destinations.STREAM, false, posted("resume-104", "resume", "text 104"), 104);
      assertThat(nextEvent(lines)).as("103 is not sent twice").contains("id:104");
      response.body().close();
    }

    @Test // C5
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void resumesFromTheLastEventIdParameterAcrossRooms() throws Exception {
      keep("resume-a", 201, 203);
      keep("resume-b", 202, 204);

      HttpResponse<Stream<String>> response =
          resume("room=resume-a&room=resume-b&lastEventId=201", null);
      Iterator<String> lines = response.body().iterator();

      assertThat(nextEvent(lines)).contains("id:202");
      assertThat(nextEvent(lines)).contains("id:203");
      assertThat(nextEvent(lines)).contains("id:204");
      response.body().close();
    }

    @Test // C5
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void saysResyncWhenTheHistoryNoLongerHoldsWhatWasMissed() throws Exception {
      keep("resync", 310, 311, 312);

      HttpResponse<Stream<String>> response = resume("room=resync", "300");
      Iterator<String> lines = response.body().iterator();

      List<String> notice = nextEvent(lines);
      assertThat(notice).contains("event:natter.resync").noneMatch(line -> line.startsWith("id:"));
      assertThat(notice).anyMatch(line -> line.contains("\"room\":\"resync\""));
      assertThat(nextEvent(lines)).contains("id:310");
      response.body().close();
    }

    @Test
    void refusesLastEventIdThatIsNoPosition() throws Exception {
      HttpRequest request =
          HttpRequest.newBuilder(uri("/api/stream?room=general"))
              .header("Last-Event-ID", "abc")
              .build();

      assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode())
          .isEqualTo(400);
    }

    @Test
    void refusesStreamWithoutValidRooms() throws Exception {
      assertThat(get("/api/stream").statusCode()).isEqualTo(400);
      assertThat(get("/api/stream?room=UPPER").statusCode()).isEqualTo(400);
    }
  }

  @Nested
  class Presence {

    HttpResponse<Stream<String>> follow(String room, ChatSession session) throws Exception {
      HttpRequest request =
          HttpRequest.newBuilder(uri("/api/stream?room=" + room))
              .header("Cookie", session.cookie())
              .build();
      HttpResponse<Stream<String>> response =
          http.send(request, HttpResponse.BodyHandlers.ofLines());
      response.body().iterator().next();
      return response;
    }

    List<String> members(String room) throws Exception {
      return JsonPath.read(get("/api/rooms/" + room + "/members").body(), "$");
    }

    @Test
    void refusesANickSomeoneOnlineHolds() throws Exception {
      session("holder");

      HttpResponse<String> again = post("/api/sessions", "{\"nick\":\"HOLDER\"}", null);

      assertThat(again.statusCode()).isEqualTo(409);
      assertThat(JsonPath.<String>read(again.body(), "$.title")).isEqualTo("Nick taken");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pаypаl", "ＰＡＹＰＡＬ", "PayPal", "paypa1"})
    void refusesLookAlikeNicks(String lookAlike) throws Exception {
      int n = NICKS.incrementAndGet();
      session("paypal" + n);

      HttpResponse<String> copy =
          post("/api/sessions", "{\"nick\":\"" + lookAlike + n + "\"}", null);

      assertThat(copy.statusCode()).isEqualTo(409);
      assertThat(JsonPath.<String>read(copy.body(), "$.detail")).contains("paypal" + n);
    }

    /** A page that follows one more room reopens its stream: nobody sees it leave and rejoin. */
    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void staysInARoomWhoseStreamReopensWithinTheGrace() throws Exception {
      ChatSession dora = session("dora" + NICKS.incrementAndGet());
      HttpResponse<Stream<String>> first = follow("grace-room", dora);
      MessageConsumer broker = session.createConsumer(session.createTopic(Destinations.BROKER));

      first.body().close();
      org.awaitility.Awaitility.await()
          .until(
              () ->
                  meters.find("natter.sse.room.followers").tag("room", "grace-room").gauge()
                      == null);
      HttpResponse<Stream<String>> second = follow("grace-room&room=grace-other", dora);

      org.awaitility.Awaitility.await()
          .during(java.time.Duration.ofSeconds(4))
          .atMost(java.time.Duration.ofSeconds(8))
          .until(() -> members("grace-room").contains(dora.nick()));
      List<String> seen = new java.util.ArrayList<>();
      for (Message message = broker.receive(1_000);
          message != null;
          message = broker.receiveNoWait()) {
        CloudEvent event = JmsCloudEvents.read(message);
        seen.add(event.getType() + " " + event.getExtension(ChatEvents.ROOM));
      }
      assertThat(seen)
          .contains(ChatEvents.MEMBER_JOINED + " grace-other")
          .noneMatch(event -> event.endsWith(" grace-room"));
      second.body().close();
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void listsWhoIsInARoomAndAnnouncesJoiningAndLeaving() throws Exception {
      MessageConsumer broker = session.createConsumer(session.createTopic(Destinations.BROKER));
      ChatSession carol = session("carol" + NICKS.incrementAndGet());

      HttpResponse<Stream<String>> stream = follow("members-room", carol);

      assertThat(members("members-room")).containsExactly(carol.nick());
      CloudEvent joined = JmsCloudEvents.read(broker.receive(5_000));
      assertThat(joined.getType()).isEqualTo(ChatEvents.MEMBER_JOINED);
      assertThat(new String(joined.getData().toBytes(), UTF_8)).contains(carol.nick());
      stream.body().close();
      org.awaitility.Awaitility.await().until(() -> members("members-room").isEmpty());
      CloudEvent left = JmsCloudEvents.read(broker.receive(5_000));
      assertThat(left.getType()).isEqualTo(ChatEvents.MEMBER_LEFT);
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void showsPrivateEventsOnlyToTheirAudience() throws Exception {
      ChatSession dana = session("dana" + NICKS.incrementAndGet());
      HttpResponse<Stream<String>> danas =
          http.send(
              HttpRequest.newBuilder(uri("/api/stream?room=private-room"))
                  .header("Cookie", dana.cookie())
                  .build(),
              HttpResponse.BodyHandlers.ofLines());
      HttpResponse<Stream<String>> anonymous =
          http.send(
              HttpRequest.newBuilder(uri("/api/stream?room=private-room")).build(),
              HttpResponse.BodyHandlers.ofLines());
      Iterator<String> danaLines = danas.body().iterator();
      Iterator<String> anonymousLines = anonymous.body().iterator();
      anonymousLines.next();

      CloudEvent help =
          CloudEventBuilder.from(posted("help-1", "private-room", "help"))
              .withType(ChatEvents.HELP_SHOWN)
              .withExtension(ChatEvents.AUDIENCE, dana.nick().toUpperCase())
              .build();
      publish(Destinations.STREAM, false, help, 601);
      publish(Destinations.STREAM, false, posted("public-1", "private-room", "hi"), 602);

      assertThat(new EventStream().nextEvent(danaLines)).contains("id:601");
      assertThat(new EventStream().nextEvent(danaLines)).contains("id:602");
      assertThat(new EventStream().nextEvent(anonymousLines))
          .as("skips the private one")
          .contains("id:602");
      danas.body().close();
      anonymous.body().close();
    }

    @Test
    void listsRoomsWithWhoIsOnline() throws Exception {
      ChatSession erin = session("erin" + NICKS.incrementAndGet());
      HttpResponse<Stream<String>> stream = follow("listed-room", erin);

      String rooms = get("/api/rooms").body();
      String room = get("/api/rooms/listed-room").body();

      assertThat(JsonPath.<List<String>>read(rooms, "$[?(@.name == 'listed-room')].online[0]"))
          .containsExactly(erin.nick());
      assertThat(JsonPath.<List<String>>read(room, "$.online")).containsExactly(erin.nick());
      stream.body().close();
    }

    @Test
    void streamsWithoutASessionAreNotMembers() throws Exception {
      HttpResponse<Stream<String>> stream =
          http.send(
              HttpRequest.newBuilder(uri("/api/stream?room=anonymous-room")).build(),
              HttpResponse.BodyHandlers.ofLines());
      stream.body().iterator().next();

      assertThat(members("anonymous-room")).isEmpty();
      stream.body().close();
    }
  }

  @Test
  void servesTheChatPage() throws Exception {
    HttpResponse<String> page = get("/");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<title>Natter</title>");
    assertThat(get("/app.js").statusCode()).isEqualTo(200);
  }
}
