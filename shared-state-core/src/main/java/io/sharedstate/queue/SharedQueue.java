package io.sharedstate.queue;

import java.util.concurrent.BlockingQueue;

import io.sharedstate.api.SharedObject;

/**
 * A FIFO queue shared between processes, with the semantics of {@link BlockingQueue},
 * like Python's {@code Manager().Queue(maxsize)}. A queue made with {@code maxsize} 0 is
 * unbounded; otherwise producers wait while it is full. Waiting producers and consumers
 * are served first come, first served; {@code null} elements are refused.
 *
 * <p>
 * An item taken by a client is reserved until the client acknowledges it (which it does
 * as soon as the reply arrives): if the taking process dies with the item in flight, the
 * item goes back to the head of the queue. An item is therefore never lost; if a taker's
 * connection breaks just after it received an item, that item may be delivered again.
 *
 * <p>
 * The iterator walks a snapshot; its {@code remove} removes the first equal element from
 * the shared queue.
 *
 * @param <E> the element type
 */
public interface SharedQueue<E> extends BlockingQueue<E>, SharedObject {

}
