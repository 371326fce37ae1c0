package io.sharedstate.function;

import java.util.List;

/**
 * Ready-made functions for the read-modify-write operations used most. They are classes
 * of this library, which every manager server has, so they run on any server: no allowed
 * packages and none of the caller's classes needed there.
 *
 * <pre>
 * hits.merge("home", 1L, SharedFunctions.sum());                 // count
 * best.merge("alice", score, SharedFunctions.max());             // put if greater
 * log.merge("today", "started\n", SharedFunctions.concat());     // append to a string value
 * tags.merge("order-1", List.of("paid"), SharedFunctions.addAll()); // append to a list value
 * total.accumulateAndGet(5L, SharedFunctions.sum());             // a SharedValue
 * total.updateAndGet(SharedFunctions.increment());
 * </pre>
 *
 * The combining functions ({@link #sum()}, {@link #min()}, {@link #max()},
 * {@link #concat()}, {@link #addAll()}) are called with the current value first and the
 * given value second, as {@code merge} and {@code accumulateAndGet} call them; a
 * {@code null} current value counts as absent, so the result is then the given value.
 */
public final class SharedFunctions {

	private SharedFunctions() {
	}

	/**
	 * Adds two numbers of the same type, as {@code Long::sum} does (integer types wrap
	 * around on overflow): {@code Integer}, {@code Long}, {@code Short}, {@code Byte},
	 * {@code Double}, {@code Float}, {@code BigInteger} or {@code BigDecimal}.
	 * @param <N> the number type
	 * @return the function; applying it to numbers of two different types or of another
	 * type throws {@link IllegalArgumentException}
	 */
	@SuppressWarnings("unchecked")
	public static <N extends Number> SerializableBinaryOperator<N> sum() {
		return (SerializableBinaryOperator<N>) (SerializableBinaryOperator<?>) Combiners.SUM;
	}

	/**
	 * Adds one, keeping the number's type (the types of {@link #sum()}).
	 * @param <N> the number type
	 * @return the function; applying it to {@code null} throws
	 * {@link NullPointerException}
	 */
	@SuppressWarnings("unchecked")
	public static <N extends Number> SerializableUnaryOperator<N> increment() {
		return (SerializableUnaryOperator<N>) (SerializableUnaryOperator<?>) Increment.INSTANCE;
	}

	/**
	 * Keeps the smaller value, the current one on a tie. With {@code merge} this is
	 * put-if-smaller: the given value is stored when the key is absent or holds a greater
	 * value.
	 * @param <T> the value type
	 * @return the function
	 */
	@SuppressWarnings("unchecked")
	public static <T extends Comparable<? super T>> SerializableBinaryOperator<T> min() {
		return (SerializableBinaryOperator<T>) (SerializableBinaryOperator<?>) Combiners.MIN;
	}

	/**
	 * Keeps the greater value, the current one on a tie. With {@code merge} this is
	 * put-if-greater: the given value is stored when the key is absent or holds a smaller
	 * value.
	 * @param <T> the value type
	 * @return the function
	 */
	@SuppressWarnings("unchecked")
	public static <T extends Comparable<? super T>> SerializableBinaryOperator<T> max() {
		return (SerializableBinaryOperator<T>) (SerializableBinaryOperator<?>) Combiners.MAX;
	}

	/**
	 * Appends the given string to the current one.
	 * @return the function
	 */
	@SuppressWarnings("unchecked")
	public static SerializableBinaryOperator<String> concat() {
		return (SerializableBinaryOperator<String>) (SerializableBinaryOperator<?>) Combiners.CONCAT;
	}

	/**
	 * Appends the given list's elements to the current list, returning a new list (a list
	 * read from a shared dict is a snapshot that refuses changes).
	 * @param <E> the element type
	 * @return the function
	 */
	@SuppressWarnings("unchecked")
	public static <E> SerializableBinaryOperator<List<E>> addAll() {
		return (SerializableBinaryOperator<List<E>>) (SerializableBinaryOperator<?>) Combiners.ADD_ALL;
	}

}
