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
 * lets Artemis drop it, without archiving it anywhere, once its time to live has passed.
 */
@Component
class PresenceTopology {

  static final String ADDRESS = "natter.presence";
  static final String STATE = "natter.presence.state";

  PresenceTopology(Topology topology) {
    topology.multicastAddress(ADDRESS);
    topology.addressSettings(ADDRESS, new AddressSettings().setExpiryAddress(SimpleString.of("")));
    topology.queue(
        QueueConfiguration.of(STATE)
            .setAddress(ADDRESS)
            .setRoutingType(RoutingType.MULTICAST)
            .setLastValue(true)
            .setNonDestructive(true));
  }
}
