package io.sharedstate.function;

import java.io.Serializable;

/**
 * A {@link Runnable} that can be sent to another process and run there, such as a task of
 * a process pool or its initializer. A lambda or method reference passed where this type
 * is expected is compiled as serializable; its class must be on the classpath of the
 * process that runs it.
 */
@FunctionalInterface
public interface SerializableRunnable extends Runnable, Serializable {

}
