package dev.natter.bench;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelOption;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * SSE streams of the gateway, read without a thread each: every stream is one connection on a few
 * event-loop threads, scanned for the marks of the messages it carries.
 */
final class Streams implements AutoCloseable {

  private final LoopResources loops = LoopResources.create("bench-sse", 2, true);
  private final HttpClient client;
  private final Disposable.Composite open = Disposables.composite();
  private final AtomicInteger opened = new AtomicInteger();
  private final AtomicInteger ended = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();

  Streams(URI gateway) {
    this.client =
        HttpClient.create(ConnectionProvider.newConnection())
            .runOn(loops)
            .baseUrl(gateway.toString())
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 30_000)
            .responseTimeout(Duration.ofHours(1));
  }

  /** Opens a stream of {@code room}, telling {@code sink} of each mark it carries. */
  void open(String room, Marker.Sink sink) {
    Marker marker = new Marker(sink);
    AtomicInteger seen = new AtomicInteger();
    open.add(
        client
            .get()
            .uri("/api/stream?room=" + room)
            .response(
                (response, body) ->
                    response.status().code() == 200
                        ? body.retain()
                        : Flux.<ByteBuf>error(new IllegalStateException(response.status() + "")))
            .subscribe(
                chunk -> {
                  if (seen.getAndIncrement() == 0) {
                    opened.incrementAndGet();
                  }
                  try {
                    chunk.forEachByte(marker);
                  } finally {
                    chunk.release();
                  }
                },
                error -> end(seen),
                () -> end(seen)));
  }

  private void end(AtomicInteger seen) {
    (seen.get() == 0 ? failed : ended).incrementAndGet();
  }

  /** Streams that sent their first bytes. */
  int opened() {
    return opened.get();
  }

  /** Streams open now: opened and not yet ended. */
  int held() {
    return opened.get() - ended.get();
  }

  /** Streams that ended before sending anything. */
  int failed() {
    return failed.get();
  }

  @Override
  public void close() {
    open.dispose();
    loops.disposeLater().block(Duration.ofSeconds(10));
  }
}
