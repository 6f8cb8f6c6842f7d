package dev.natter.broker.trigger;

import dev.natter.broker.artemis.Topology;
import dev.natter.events.jms.Destinations;
import java.util.ArrayList;
import java.util.List;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jms.listener.DefaultMessageListenerContainer;
import org.springframework.stereotype.Component;

/** Declares each trigger's queue and runs a dispatcher on it. */
@Component
class TriggerDispatchers implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(TriggerDispatchers.class);

  private final List<DefaultMessageListenerContainer> containers = new ArrayList<>();

  TriggerDispatchers(
      TriggerProperties properties, Topology topology, ActiveMQConnectionFactory artemis) {
    topology.multicastAddress(Destinations.BROKER);
    SubscriberClient client = new SubscriberClient(properties.dispatch());
    for (TriggerProperties.Trigger trigger : properties.triggers()) {
      String queue = declare(topology, trigger);
      containers.add(container(artemis, queue, trigger, client, properties.dispatch()));
    }
  }

  private static String declare(Topology topology, TriggerProperties.Trigger trigger) {
    String queue = "natter.trigger." + trigger.name();
    var attributes = trigger.filter() == null ? null : trigger.filter().attributes();
    String filter = TriggerFilter.expression(attributes, trigger.dialects());

    topology.queue(
        QueueConfiguration.of(queue)
            .setAddress(Destinations.BROKER)
            .setRoutingType(RoutingType.MULTICAST)
            .setFilterString(filter));

    return queue;
  }

  private static DefaultMessageListenerContainer container(
      ActiveMQConnectionFactory artemis,
      String queue,
      TriggerProperties.Trigger trigger,
      SubscriberClient client,
      TriggerProperties.Dispatch dispatch) {
    var container = new DefaultMessageListenerContainer();
    container.setBeanName("trigger-" + trigger.name());
    container.setConnectionFactory(artemis);
    container.setDestinationName(Destinations.BROKER + "::" + queue);
    container.setSessionTransacted(true);
    container.setConcurrentConsumers(dispatch.concurrency());
    container.setMaxConcurrentConsumers(dispatch.concurrency());
    container.setCacheLevel(DefaultMessageListenerContainer.CACHE_CONSUMER);
    container.setMessageListener(new Dispatcher(trigger, client));
    container.setErrorHandler(TriggerDispatchers::logUnexpected);
    container.afterPropertiesSet();
    return container;
  }

  /** Failed deliveries are logged where they happen; anything else is unexpected. */
  private static void logUnexpected(Throwable failure) {
    if (!(failure instanceof DeliveryException)) {
      log.warn("NATTER-DISPATCH-002 Dispatch failed, Artemis will redeliver", failure);
    }
  }

  @Override
  public void start() {

    containers.forEach(DefaultMessageListenerContainer::start);
    log.info("Dispatching {} trigger(s)", containers.size());
  }

  @Override
  public void stop() {
    containers.forEach(DefaultMessageListenerContainer::stop);
    containers.forEach(DefaultMessageListenerContainer::shutdown);
  }

  @Override
  public boolean isRunning() {
    return !containers.isEmpty() && containers.get(0).isRunning();
  }
}
