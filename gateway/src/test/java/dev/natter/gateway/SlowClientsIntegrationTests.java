package dev.natter.gateway;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.natter.events.ChatEvents;
import dev.natter.events.EventData;
import dev.natter.events.PostedMessage;
import dev.natter.events.jms.Destinations;
import dev.natter.events.jms.JmsCloudEvents;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Clients that vanish or stop reading cost the gateway nothing and slow nobody (C1, C2).
 *
 * <p>A stalled client's events wait in the kernel's socket buffers and in a bounded buffer per
 * stream; the stream is closed when that overflows or the client has taken nothing for the stall
 * time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SlowClientsIntegrationTests {

  private static final Logger log = LoggerFactory.getLogger(SlowClientsIntegrationTests.class);
  static final Duration HEARTBEAT = Duration.ofMillis(300);

  /**
   * Long enough that a reading client is never taken for a stalled one while a busy two-core
   * machine runs this JVM's broker, gateway and clients at once.
   */
  static final Duration STALL = Duration.ofSeconds(15);

  /** Long messages, so that 5,000 of them outgrow what the kernel buffers for a stalled client. */
  static final String TEXT = "x".repeat(2_000);

  static TestBroker artemis;

  @DynamicPropertySource
  static void broker(DynamicPropertyRegistry registry) throws Exception {
    artemis = TestBroker.start();
    registry.add("natter.artemis.url", artemis::url);
    registry.add("natter.stream.heartbeat", () -> HEARTBEAT.toMillis() + "ms");
    registry.add("natter.stream.buffer", () -> "2000");
    registry.add("natter.stream.stall", () -> STALL.toMillis() + "ms");
  }

  @AfterAll
  static void stopBroker() throws Exception {
    artemis.stop();
  }

  @LocalServerPort int port;
  @Autowired ActiveMQConnectionFactory factory;
  @Autowired MeterRegistry meters;

  double open() {
    return meters.get("natter.sse.connections").gauge().value();
  }

  double slowClients() {
    return meters.get("natter.sse.slow.clients").counter().count();
  }

  Socket rawStream(String room) throws Exception {
    Socket socket = new Socket();
    socket.setReceiveBufferSize(4096);
    socket.connect(new java.net.InetSocketAddress("localhost", port));
    OutputStream out = socket.getOutputStream();
    out.write(
        ("GET /api/stream?room=" + room + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(UTF_8));
    out.flush();
    return socket;
  }

  static void readUntil(InputStream in, String marker) throws Exception {
    StringBuilder seen = new StringBuilder();
    while (!seen.toString().contains(marker)) {
      int b = in.read();
      assertThat(b).as("stream ended before " + marker).isNotNegative();
      seen.append((char) b);
    }
  }

  @Test // C1
  void forgetsAVanishedClientWithinTwoHeartbeats() throws Exception {
    double before = open();
    Socket socket = rawStream("vanishing");
    readUntil(socket.getInputStream(), ":open");
    await().until(() -> open() == before + 1);
    assertThat(meters.get("natter.sse.room.followers").tag("room", "vanishing").gauge().value())
        .isEqualTo(1);

    socket.setSoLinger(true, 0);
    socket.close();

    await().atMost(HEARTBEAT.multipliedBy(2).plusMillis(500)).until(() -> open() == before);
    assertThat(meters.find("natter.sse.room.followers").tag("room", "vanishing").gauge())
        .as("a room nobody follows is no longer listed")
        .isNull();
  }

  @Test // C2
  void aStalledReaderNeitherSlowsOthersNorGrowsTheHeap() throws Exception {
    int count = 5_000;
    double slowBefore = slowClients();
    Socket stalled = rawStream("busy");
    readUntil(stalled.getInputStream(), ":open");
    log.info("C2: the stalled client is {}", stalled.getLocalSocketAddress());
    Map<Long, Long> sentAt = new ConcurrentHashMap<>();
    Map<Long, Long> receivedAt = new ConcurrentHashMap<>();
    List<Long> order = Collections.synchronizedList(new ArrayList<>());
    HttpResponse<Stream<String>> reader =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/stream?room=busy"))
                    .build(),
                HttpResponse.BodyHandlers.ofLines());
    Thread reading =
        new Thread(
            () -> {
              try {
                reader
                    .body()
                    .forEach(
                        line -> {
                          if (line.startsWith("id:")) {
                            long seq = Long.parseLong(line.substring(3));
                            receivedAt.put(seq, System.nanoTime());
                            order.add(seq);
                          }
                        });
              } catch (java.io.UncheckedIOException closedByTheTest) {
                // The test closes the stream when it is done; a later await must not see this.
                log.debug(
                    "C2: the reading client's stream ended: {}", closedByTheTest.getMessage());
              }
            });
    reading.setDaemon(true);
    reading.start();
    await().until(() -> open() >= 2);
    long heapBefore = usedHeapAfterGc();
    double deliveredBefore = meters.get("natter.sse.events").counter().count();

    try (Connection connection = factory.createConnection()) {
      Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
      MessageProducer producer = session.createProducer(session.createTopic(Destinations.STREAM));
      for (long seq = 1; seq <= count; seq++) {
        Message message = JmsCloudEvents.write(event(seq), session.createBytesMessage());
        message.setLongProperty(Destinations.SEQUENCE, seq);
        sentAt.put(seq, System.nanoTime());
        producer.send(message);
      }
    }

    await().atMost(Duration.ofSeconds(60)).until(() -> order.size() == count);
    assertThat(order).isSorted().doesNotHaveDuplicates();
    assertThat(meters.get("natter.sse.events").counter().count() - deliveredBefore)
        .as("events written to streams")
        .isGreaterThanOrEqualTo(count);
    List<Long> latencies = new ArrayList<>();
    sentAt.forEach((seq, sent) -> latencies.add((receivedAt.get(seq) - sent) / 1_000_000));
    Collections.sort(latencies);
    long p50 = latencies.get(count / 2);
    long p99 = latencies.get(count * 99 / 100);
    long heapAfter = usedHeapAfterGc();
    log.info(
        "C2: {} events to the reading client, latency p50 {} ms, p99 {} ms, with a stalled"
            + " client; heap {} MB before, {} MB after",
        count,
        p50,
        p99,
        heapBefore >> 20,
        heapAfter >> 20);
    assertThat(p99).as("p99 latency in ms").isLessThan(1_000);
    assertThat(heapAfter - heapBefore).as("heap growth").isLessThan(64L << 20);

    // The stalled client was let go: what it still finds is what the kernel held, then the end.
    await().atMost(STALL.multipliedBy(3)).until(() -> slowClients() == slowBefore + 1);
    await().until(() -> open() == 1);
    stalled.setSoTimeout(10_000);
    long bytes = stalled.getInputStream().transferTo(OutputStream.nullOutputStream());
    log.info("C2: the stalled client was disconnected; {} bytes were still on their way", bytes);
    assertThat(bytes).as("bytes held for the stalled client").isLessThan(count * TEXT.length());
    reader.body().close();
    stalled.close();
  }

  static CloudEvent event(long seq) {
    return CloudEventBuilder.v1()
        .withId("busy-" + seq)
        .withSource(URI.create("/tests"))
        .withType(ChatEvents.MESSAGE_POSTED)
        .withExtension(ChatEvents.ROOM, "busy")
        .withData(ChatEvents.JSON, EventData.write(new PostedMessage("alice", TEXT + seq, "s")))
        .build();
  }

  static long usedHeapAfterGc() {
    Runtime runtime = Runtime.getRuntime();
    System.gc();
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
