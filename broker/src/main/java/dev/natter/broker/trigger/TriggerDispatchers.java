package dev.natter.broker.trigger;

import dev.natter.broker.BrokerMetrics;
import dev.natter.broker.artemis.Topology;
import dev.natter.events.EventTracing;
import dev.natter.events.jms.Destinations;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.DivertConfiguration;
import org.apache.activemq.artemis.core.server.ComponentConfigurationRoutingType;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.SmartLifecycle;
import org.springframework.jms.listener.DefaultMessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Declares each trigger on the broker, a filtered divert from the broker address into the trigger's
 * own queue with its dead-letter queue beside it, and runs a dispatcher on the queue.
 */
@Component
class TriggerDispatchers implements SmartLifecycle, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(TriggerDispatchers.class);
  private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(5);

  /** Deliveries of one message before Artemis itself dead-letters it: a dispatcher crash loop. */
  private static final int CRASH_ATTEMPTS = 5;

  private final List<DefaultMessageListenerContainer> containers = new ArrayList<>();
  private final List<Dispatcher> dispatchers = new ArrayList<>();

  TriggerDispatchers(
      TriggerProperties properties,
      @Qualifier("dispatchConnectionFactory") ActiveMQConnectionFactory factory,
      Topology topology,
      SubscriberClient client,
      ReplyPublisher replies,
      DeadLetters deadLetters,
      BrokerMetrics metrics,
      EventTracing tracing,
      MeterRegistry registry) {
    topology.multicastAddress(Destinations.BROKER);
    for (TriggerProperties.Trigger trigger : properties.triggers()) {
      declare(topology, trigger);
      Delivery delivery = properties.deliveryOf(trigger);
      var dispatcher =
          new Dispatcher(trigger, delivery, client, replies, deadLetters, metrics, tracing);
      dispatchers.add(dispatcher);
      Gauge.builder("natter.dead.letters", deadLetters, letters -> letters.depth(trigger.name()))
          .description("Events waiting in the trigger's dead-letter queue")
          .tag("trigger", trigger.name())
          .register(registry);
      containers.add(container(factory, trigger, dispatcher, properties.dispatch()));
    }
  }

  private static void declare(Topology topology, TriggerProperties.Trigger trigger) {
    String queue = TriggerNames.queue(trigger.name());
    String deadLetters = TriggerNames.deadLetters(trigger.name());
    var attributes = trigger.filter() == null ? null : trigger.filter().attributes();
    topology.anycastQueue(queue);
    topology.anycastQueue(deadLetters);
    topology.addressSettings(
        queue,
        new AddressSettings()
            .setDeadLetterAddress(SimpleString.of(deadLetters))
            .setAutoCreateDeadLetterResources(false)
            .setMaxDeliveryAttempts(CRASH_ATTEMPTS)
            .setRedeliveryDelay(1_000)
            .setRedeliveryMultiplier(2)
            .setMaxRedeliveryDelay(30_000));
    topology.divert(
        new DivertConfiguration()
            .setName(TriggerNames.divert(trigger.name()))
            .setRoutingName(TriggerNames.divert(trigger.name()))
            .setAddress(Destinations.BROKER)
            .setForwardingAddress(queue)
            .setExclusive(false)
            .setFilterString(TriggerFilter.expression(attributes, trigger.dialects()))
            .setRoutingType(ComponentConfigurationRoutingType.ANYCAST));
  }

  private static DefaultMessageListenerContainer container(
      ActiveMQConnectionFactory factory,
      TriggerProperties.Trigger trigger,
      Dispatcher dispatcher,
      TriggerProperties.Dispatch dispatch) {
    var container = new DefaultMessageListenerContainer();
    container.setBeanName("trigger-" + trigger.name());
    container.setConnectionFactory(factory);
    container.setDestinationName(TriggerNames.queue(trigger.name()));
    container.setSessionTransacted(true);
    container.setConcurrentConsumers(dispatch.concurrency());
    container.setMaxConcurrentConsumers(dispatch.concurrency());
    container.setCacheLevel(DefaultMessageListenerContainer.CACHE_CONSUMER);
    container.setMessageListener(dispatcher);
    container.setErrorHandler(TriggerDispatchers::logUnexpected);
    container.afterPropertiesSet();
    return container;
  }

  /** Failed deliveries are handled where they happen; anything else is unexpected. */
  private static void logUnexpected(Throwable failure) {
    log.warn("NATTER-DISPATCH-002 Dispatch failed, Artemis will redeliver", failure);
  }

  @Override
  public void start() {
    dispatchers.forEach(Dispatcher::start);
    containers.forEach(DefaultMessageListenerContainer::start);
    log.info("Dispatching {} trigger(s)", containers.size());
  }

  /**
   * Stops taking events and waits a while for the consumers to finish what they hold, before the
   * Artemis connections close (a later phase). What is still in flight then is rolled back, and
   * Artemis delivers it again.
   */
  @Override
  public void stop() {
    dispatchers.forEach(Dispatcher::stop);
    Thread closing =
        new Thread(
            () -> containers.forEach(DefaultMessageListenerContainer::shutdown),
            "trigger-shutdown");
    closing.start();
    try {
      closing.join(SHUTDOWN_WAIT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (closing.isAlive()) {
      log.warn(
          "NATTER-DISPATCH-007 Dispatchers still busy after {}; stopping anyway, Artemis delivers"
              + " what they held again",
          SHUTDOWN_WAIT);
    }
  }

  @Override
  public void destroy() {
    containers.forEach(DefaultMessageListenerContainer::shutdown);
  }

  @Override
  public boolean isRunning() {
    return !containers.isEmpty() && containers.get(0).isRunning();
  }
}
