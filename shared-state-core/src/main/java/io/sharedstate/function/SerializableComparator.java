package io.sharedstate.function;

import java.io.Serializable;
import java.util.Comparator;

/**
 * A {@link Comparator} that can be shipped to the manager server and run there. A lambda
 * or method reference passed where this type is expected is compiled as serializable. A
 * method reference to a public method of a JDK class or an allowed class runs on any
 * server; a lambda needs its class on the server's classpath and in an allowed package.
 */
@FunctionalInterface
public interface SerializableComparator<T> extends Comparator<T>, Serializable {

}
