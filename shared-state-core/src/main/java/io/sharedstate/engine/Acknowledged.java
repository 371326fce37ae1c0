package io.sharedstate.engine;

/**
 * A grant the receiving client must acknowledge, such as a queue item: until it does, the
 * server keeps it reserved, and gives it back (revokes it) if the connection closes first
 * or the client declines it. This is what keeps an item from being lost when its taker
 * dies with the reply in flight; the price is that, if the acknowledgement itself is
 * lost, the item is delivered again.
 */
public interface Acknowledged extends Revocable {

}
