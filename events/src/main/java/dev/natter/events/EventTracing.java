package dev.natter.events;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * W3C trace context carried on events as the CloudEvents distributed tracing extension, so that one
 * trace follows a message from the browser through every component and back.
 *
 * @see <a
 *     href="https://github.com/cloudevents/spec/blob/v1.0.2/cloudevents/extensions/distributed-tracing.md">Distributed
 *     Tracing extension</a>
 */
public final class EventTracing {

  /** The extension holding the W3C {@code traceparent}. */
  public static final String TRACEPARENT = "traceparent";

  /** The extension holding the W3C {@code tracestate}. */
  public static final String TRACESTATE = "tracestate";

  private static final Propagator.Getter<CloudEvent> FROM_EVENT =
      (event, key) -> {
        Object value = event.getExtension(key);
        return value == null ? null : value.toString();
      };

  private final Tracer tracer;
  private final Propagator propagator;

  /** Tracing through {@code tracer}, reading and writing contexts with {@code propagator}. */
  public EventTracing(Tracer tracer, Propagator propagator) {
    this.tracer = tracer;
    this.propagator = propagator;
  }

  /** Tracing that records nothing and leaves events as they are, for tests and tools. */
  public static EventTracing off() {
    return new EventTracing(Tracer.NOOP, Propagator.NOOP);
  }

  /** The trace id of {@code event}'s {@code traceparent}, if it has a valid one. */
  public static Optional<String> traceId(CloudEvent event) {
    String parent = FROM_EVENT.get(event, TRACEPARENT);
    if (parent == null || !parent.matches("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}")) {
      return Optional.empty();
    }
    return Optional.of(parent.substring(3, 35));
  }

  /**
   * Starts a span named {@code name} for work on {@code event}, current until the returned handle
   * is closed, with the event's id, type and room in the logging context. The span continues the
   * current one when that belongs to the event's trace (a request that carried it), else the
   * event's own context; an event without one starts a trace.
   */
  public Handling handle(String name, CloudEvent event) {
    Span current = tracer.currentSpan();
    boolean sameTrace =
        current != null && traceId(event).filter(current.context().traceId()::equals).isPresent();
    Span span =
        sameTrace
            ? tracer.nextSpan(current).name(name).start()
            : propagator.extract(event, FROM_EVENT).name(name).start();
    span.tag("ce.type", event.getType());
    return new Handling(span, tracer.withSpan(span), EventMdc.put(event));
  }

  /**
   * {@code event} with the current span's context as its trace context, replacing any it had; the
   * event itself when no span is current.
   */
  public CloudEvent stamp(CloudEvent event) {
    Span current = tracer.currentSpan();
    if (current == null || current.isNoop()) {
      return event;
    }
    Map<String, String> context = new LinkedHashMap<>();
    inject(current.context(), context::put);
    if (!context.containsKey(TRACEPARENT)) {
      return event;
    }
    CloudEventBuilder builder = CloudEventBuilder.from(event);
    builder.withoutExtension(TRACESTATE);
    context.forEach(builder::withExtension);
    return builder.build();
  }

  /** {@code event} stamped as by {@link #stamp}, unless it already carries a trace context. */
  public CloudEvent stampIfAbsent(CloudEvent event) {
    return traceId(event).isPresent() ? event : stamp(event);
  }

  /** Writes the current span's context as W3C headers ({@code traceparent}, {@code tracestate}). */
  public void injectCurrent(BiConsumer<String, String> headers) {
    Span current = tracer.currentSpan();
    if (current != null && !current.isNoop()) {
      inject(current.context(), headers);
    }
  }

  private void inject(TraceContext context, BiConsumer<String, String> into) {
    propagator.inject(
        context,
        into,
        (carrier, key, value) -> {
          if (TRACEPARENT.equals(key) || (TRACESTATE.equals(key) && !value.isEmpty())) {
            carrier.accept(key, value);
          }
        });
  }

  /** A span for one event's handling, in scope, with the event in the logging context. */
  public static final class Handling implements AutoCloseable {

    private final Span span;
    private final Tracer.SpanInScope scope;
    private final EventMdc mdc;

    private Handling(Span span, Tracer.SpanInScope scope, EventMdc mdc) {
      this.span = span;
      this.scope = scope;
      this.mdc = mdc;
    }

    /** Marks the handling failed with {@code error}. */
    public void failed(Throwable error) {
      span.error(error);
    }

    /** Tags the span, e.g. with the outcome of the handling. */
    public void tag(String key, String value) {
      span.tag(key, value);
    }

    @Override
    public void close() {
      mdc.close();
      scope.close();
      span.end();
    }
  }
}
