package dev.natter.broker.trigger;

/** A subscriber did not accept an event; Artemis will redeliver it. */
class DeliveryException extends RuntimeException {

  DeliveryException(String message) {
    super(message);
  }
}
