package dev.natter.broker.presence;

import dev.natter.broker.artemis.Topology;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.springframework.stereotype.Component;

/**
 * Declares where the gateways keep who is online: the multicast address {@code natter.presence} and
 * its last-value queue {@code natter.presence.state}, which keeps each record's latest version and
 * lets Artemis drop it, without archiving it anywhere, once its time to live has passed. Sessions
 * ended before their tokens expire are kept the same way, in {@code natter.sessions.ended} and
 * {@code natter.sessions.ended.state}.
 */
@Component
class PresenceTopology {

  static final String ADDRESS = "natter.presence";
  static final String STATE = "natter.presence.state";

  static final String ENDED = "natter.sessions.ended";
  static final String ENDED_STATE = "natter.sessions.ended.state";

  /** Where lapsed records go: an address without queues, so Artemis drops them quietly. */
  static final String LAPSED = "natter.lapsed";

  PresenceTopology(Topology topology) {
    topology.multicastAddress(LAPSED);
    declare(topology, ADDRESS, STATE);
    declare(topology, ENDED, ENDED_STATE);
  }

  private static void declare(Topology topology, String address, String state) {
    topology.multicastAddress(address);
    topology.addressSettings(
        address, new AddressSettings().setExpiryAddress(SimpleString.of(LAPSED)));
    topology.queue(
        QueueConfiguration.of(state)
            .setAddress(address)
            .setRoutingType(RoutingType.MULTICAST)
            .setLastValue(true)
            .setNonDestructive(true));
  }
}
