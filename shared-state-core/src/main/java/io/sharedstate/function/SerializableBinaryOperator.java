package io.sharedstate.function;

import java.util.function.BinaryOperator;

/**
 * A {@link BinaryOperator} that can be shipped to the manager server and run there. A
 * lambda or method reference passed where this type is expected is compiled as
 * serializable. A method reference to a public method of a JDK class or an allowed class
 * runs on any server; a lambda needs its class on the server's classpath and in an
 * allowed package.
 * <p>
 * It is also a {@link SerializableBiFunction}, so one operator such as
 * {@link SharedFunctions#sum()} serves both {@code SharedValue.accumulateAndGet} and
 * {@code SharedDict.merge}.
 */
@FunctionalInterface
public interface SerializableBinaryOperator<T> extends BinaryOperator<T>, SerializableBiFunction<T, T, T> {

}
