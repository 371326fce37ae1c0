package io.sharedstate.function;

import java.io.Serializable;
import java.util.concurrent.Callable;

/**
 * A {@link Callable} that can be sent to another process and run there, such as a task of
 * a process pool. A lambda or method reference passed where this type is expected is
 * compiled as serializable; its class must be on the classpath of the process that runs
 * it.
 *
 * @param <V> the result type
 */
@FunctionalInterface
public interface SerializableCallable<V> extends Callable<V>, Serializable {

}
