package io.sharedstate.custom;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.sharedstate.SharedState;

/**
 * Custom types the tests register: the seed's get/set object and its nested parent and
 * child, a matrix, a tally that counts racy increments, and a type whose methods throw.
 * Public, so that child JVMs and every test package can use them.
 */
public final class TestTypes {

	/** The type id of {@link GetSetter}. */
	public static final String GET_SETTER = "GetSetter";

	/** The type id of {@link Parent}. */
	public static final String PARENT = "Parent";

	/** The type id of a 10x10 {@link Matrix}. */
	public static final String MATRIX = "Matrix";

	/** The type id of a {@link Matrix} exposing only {@code get} and {@code rows}. */
	public static final String READ_ONLY_MATRIX = "ReadOnlyMatrix";

	/** The type id of a {@link Tally} whose calls run one at a time. */
	public static final String TALLY = "Tally";

	/** The type id of a {@link Tally} declared thread-safe. */
	public static final String THREAD_SAFE_TALLY = "ThreadSafeTally";

	/**
	 * The type id of a {@link Tally} exposing only {@code incrementTwice} and
	 * {@code count}.
	 */
	public static final String TWICE_ONLY_TALLY = "TwiceOnlyTally";

	/** The type id of {@link Troublemaker}. */
	public static final String TROUBLEMAKER = "Troublemaker";

	private TestTypes() {
	}

	/**
	 * Registers every type on a hosting manager.
	 * @param host the manager that hosts the objects
	 */
	public static void registerAll(SharedState host) {
		host.register(GET_SETTER, GetSetter.class, SimpleGetSetter::new);
		host.register(PARENT, Parent.class, ParentImpl::new);
		host.register(MATRIX, Matrix.class, () -> new ArrayMatrix(10, 10));
		host.register(READ_ONLY_MATRIX, Matrix.class, () -> new ArrayMatrix(3, 3),
				TypeOptions.defaults().withExposed("get", "rows"));
		host.register(TALLY, Tally.class, RacyTally::new);
		host.register(THREAD_SAFE_TALLY, Tally.class, RacyTally::new, TypeOptions.defaults().withThreadSafe(true));
		host.register(TWICE_ONLY_TALLY, Tally.class, RacyTally::new,
				TypeOptions.defaults().withExposed("incrementTwice", "count"));
		host.register(TROUBLEMAKER, Troublemaker.class, TroublemakerImpl::new);
	}

	/** The seed's {@code GetSetter}: one value. */
	public interface GetSetter {

		void set(Integer value);

		Integer get();

	}

	/** The seed's {@code ParentClass}: a value and a nested child. */
	public interface Parent extends GetSetter {

		GetSetter child();

	}

	/** A matrix of ints. */
	public interface Matrix {

		void set(int row, int column, int value);

		int get(int row, int column);

		int rows();

		List<Integer> row(int row);

		int[][] cells();

	}

	/** Counts increments, and lets callers meet inside a call. */
	public interface Tally {

		void increment();

		int count();

		default void incrementTwice() {
			increment();
			increment();
		}

		/**
		 * Waits inside the call until the given number of calls have arrived.
		 * @param parties how many calls to wait for
		 * @param timeoutMillis how long to wait
		 * @return whether they all arrived in time
		 */
		boolean meet(int parties, long timeoutMillis);

	}

	/** Methods that throw. */
	public interface Troublemaker {

		void rejectArgument(String message);

		void raiseOwnException(String message);

		void raiseChecked(String message) throws IOException;

	}

	/** A value. */
	public static class SimpleGetSetter implements GetSetter {

		private Integer value;

		@Override
		public void set(Integer value) {
			this.value = value;
		}

		@Override
		public Integer get() {
			return this.value;
		}

	}

	/** A value and a child created with it. */
	public static final class ParentImpl extends SimpleGetSetter implements Parent {

		private final GetSetter child = new SimpleGetSetter();

		@Override
		public GetSetter child() {
			return this.child;
		}

	}

	/** A matrix in an array. */
	public static final class ArrayMatrix implements Matrix {

		private final int[][] cells;

		ArrayMatrix(int rows, int columns) {
			this.cells = new int[rows][columns];
		}

		@Override
		public void set(int row, int column, int value) {
			this.cells[row][column] = value;
		}

		@Override
		public int get(int row, int column) {
			return this.cells[row][column];
		}

		@Override
		public int rows() {
			return this.cells.length;
		}

		@Override
		public List<Integer> row(int row) {
			List<Integer> values = new ArrayList<>();
			for (int value : this.cells[row]) {
				values.add(value);
			}
			return values;
		}

		@Override
		public int[][] cells() {
			return this.cells;
		}

		@Override
		public String toString() {
			return "Matrix " + this.cells.length + "x" + this.cells[0].length;
		}

	}

	/**
	 * A tally whose increment is a read and a later write: concurrent calls lose
	 * increments unless they run one at a time.
	 */
	public static final class RacyTally implements Tally {

		private final AtomicInteger arrived = new AtomicInteger();

		private int count;

		@Override
		public void increment() {
			int read = this.count;
			Thread.yield();
			this.count = read + 1;
		}

		@Override
		public int count() {
			return this.count;
		}

		@Override
		public boolean meet(int parties, long timeoutMillis) {
			long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
			this.arrived.incrementAndGet();
			try {
				while (this.arrived.get() < parties) {
					if (System.nanoTime() > deadline) {
						return false;
					}
					Thread.sleep(1);
				}
				return true;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}

	}

	/** Throws. */
	public static final class TroublemakerImpl implements Troublemaker {

		@Override
		public void rejectArgument(String message) {
			throw new IllegalArgumentException(message);
		}

		@Override
		public void raiseOwnException(String message) {
			throw new TroubleException(message);
		}

		@Override
		public void raiseChecked(String message) throws IOException {
			throw new IOException(message);
		}

	}

	/** An exception type of the application's own. */
	public static final class TroubleException extends RuntimeException {

		TroubleException(String message) {
			super(message);
		}

	}

}
