package io.sharedstate.python;

import java.util.List;

/**
 * A Python {@code slice(start, stop, step)} used as a list or array index.
 *
 * @param start the start, or {@code null}
 * @param stop the stop, or {@code null}
 * @param step the step, or {@code null}
 */
record PythonSlice(Object start, Object stop, Object step) {

	static PythonSlice of(List<Object> args) {
		return switch (args.size()) {
			case 1 -> new PythonSlice(null, args.get(0), null);
			case 2 -> new PythonSlice(args.get(0), args.get(1), null);
			case 3 -> new PythonSlice(args.get(0), args.get(1), args.get(2));
			default -> throw PythonException.typeError("slice expected 1 to 3 arguments, got " + args.size());
		};
	}

	/**
	 * Resolves the slice against a length, as Python's {@code slice.indices} does.
	 * @param length the sequence's length
	 * @return the positions
	 */
	Range range(int length) {
		long stepValue = (this.step == null) ? 1 : bound(this.step);
		if (stepValue == 0) {
			throw PythonException.valueError("slice step cannot be zero");
		}
		long lower = (stepValue < 0) ? -1 : 0;
		long upper = (stepValue < 0) ? length - 1 : length;
		long startValue = (this.start == null) ? ((stepValue < 0) ? upper : lower)
				: clamp(bound(this.start), length, lower, upper);
		long stopValue = (this.stop == null) ? ((stepValue < 0) ? lower : upper)
				: clamp(bound(this.stop), length, lower, upper);
		int count;
		if (stepValue > 0) {
			count = (startValue < stopValue) ? (int) ((stopValue - startValue - 1) / stepValue + 1) : 0;
		}
		else {
			count = (stopValue < startValue) ? (int) ((startValue - stopValue - 1) / -stepValue + 1) : 0;
		}
		return new Range((int) startValue, (int) stepValue, count);
	}

	private static long clamp(long index, int length, long lower, long upper) {
		if (index < 0) {
			index += length;
			return Math.max(index, lower);
		}
		return Math.min(index, upper);
	}

	private static long bound(Object value) {
		if (value instanceof java.math.BigInteger big) {
			return (big.signum() < 0) ? Integer.MIN_VALUE : Integer.MAX_VALUE;
		}
		long index = PythonValues.index(value, "slice indices must be integers or None or have an __index__ method");
		return Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, index));
	}

	/**
	 * The positions a slice selects.
	 *
	 * @param start the first position
	 * @param step the distance between positions
	 * @param count how many positions
	 */
	record Range(int start, int step, int count) {

		int at(int i) {
			return this.start + i * this.step;
		}

	}

}
