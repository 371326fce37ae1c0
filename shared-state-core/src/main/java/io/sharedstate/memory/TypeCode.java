package io.sharedstate.memory;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The type codes of Python's {@code sharedctypes} (and of its {@code array} module), with
 * the sizes of the C types they stand for on 64-bit Linux and macOS. An item is stored
 * little-endian at its natural alignment, as C stores it, so that Python reads it with
 * {@code (ctypes.c_double * n).from_buffer(shm.buf)} or
 * {@code numpy.ndarray(n, 'd', buffer=shm.buf)}.
 */
public enum TypeCode {

	/** {@code c_char}: one byte, 0 to 255 (Python shows it as a 1-byte {@code bytes}). */
	CHAR('c', 1, 0, 0xFF),

	/** {@code c_wchar}: a Unicode code point in 4 bytes (Linux's wchar_t). */
	WCHAR('u', 4, 0, Character.MAX_CODE_POINT),

	/** {@code c_byte}: signed 8 bits. */
	BYTE('b', 1, Byte.MIN_VALUE, Byte.MAX_VALUE),

	/** {@code c_ubyte}: unsigned 8 bits. */
	UNSIGNED_BYTE('B', 1, 0, 0xFF),

	/** {@code c_short}: signed 16 bits. */
	SHORT('h', 2, Short.MIN_VALUE, Short.MAX_VALUE),

	/** {@code c_ushort}: unsigned 16 bits. */
	UNSIGNED_SHORT('H', 2, 0, 0xFFFF),

	/** {@code c_int}: signed 32 bits. */
	INT('i', 4, Integer.MIN_VALUE, Integer.MAX_VALUE),

	/** {@code c_uint}: unsigned 32 bits. */
	UNSIGNED_INT('I', 4, 0, 0xFFFF_FFFFL),

	/**
	 * {@code c_long}: signed 64 bits on 64-bit Linux and macOS (Windows' 32-bit long is
	 * not followed).
	 */
	LONG('l', 8, Long.MIN_VALUE, Long.MAX_VALUE),

	/** {@code c_ulong}: unsigned 64 bits, read and written as the 64 bits of a long. */
	UNSIGNED_LONG('L', 8, Long.MIN_VALUE, Long.MAX_VALUE),

	/** {@code c_longlong}: signed 64 bits. */
	LONG_LONG('q', 8, Long.MIN_VALUE, Long.MAX_VALUE),

	/**
	 * {@code c_ulonglong}: unsigned 64 bits, read and written as the 64 bits of a long.
	 */
	UNSIGNED_LONG_LONG('Q', 8, Long.MIN_VALUE, Long.MAX_VALUE),

	/** {@code c_float}: IEEE 754 single precision. */
	FLOAT('f', 4, 0, 0),

	/** {@code c_double}: IEEE 754 double precision. */
	DOUBLE('d', 8, 0, 0);

	private final char code;

	private final int size;

	private final long min;

	private final long max;

	TypeCode(char code, int size, long min, long max) {
		this.code = code;
		this.size = size;
		this.min = min;
		this.max = max;
	}

	/**
	 * Returns the type of a Python type code.
	 * @param code the code, like {@code 'd'}
	 * @return the type
	 * @throws IllegalArgumentException if Python has no such code
	 */
	public static TypeCode of(char code) {
		for (TypeCode type : values()) {
			if (type.code == code) {
				return type;
			}
		}
		throw new IllegalArgumentException("'" + code + "' is not one of Python's sharedctypes type codes: "
				+ Arrays.stream(values()).map((type) -> "'" + type.code + "'").collect(Collectors.joining(", ")));
	}

	/**
	 * Returns Python's code for this type.
	 * @return the code
	 */
	public char code() {
		return this.code;
	}

	/**
	 * Returns how many bytes an item takes.
	 * @return the size
	 */
	public int size() {
		return this.size;
	}

	/**
	 * Returns whether items are floating-point numbers ({@code 'f'}, {@code 'd'}), read
	 * and written as doubles; the others are integers, read and written as longs.
	 * @return whether floating point
	 */
	public boolean isFloatingPoint() {
		return this == FLOAT || this == DOUBLE;
	}

	/**
	 * Returns whether integers of this type are unsigned and narrower than 64 bits, so
	 * that their values read as non-negative longs.
	 * @return whether they read as unsigned
	 */
	boolean readsUnsigned() {
		return this.min == 0 && !isFloatingPoint();
	}

	/**
	 * Cuts an integer to this type's width, as C arithmetic wraps around.
	 * @param value the value
	 * @return the value as an item of this type reads
	 */
	long wrap(long value) {
		boolean unsigned = readsUnsigned();
		return switch (this.size) {
			case 1 -> unsigned ? value & 0xFF : (byte) value;
			case 2 -> unsigned ? value & 0xFFFF : (short) value;
			case 4 -> unsigned ? value & 0xFFFF_FFFFL : (int) value;
			default -> value;
		};
	}

	/**
	 * Checks that an integer fits this type.
	 * @param value the value
	 * @param where what it is stored in, for the message
	 * @throws IllegalArgumentException if it does not fit
	 */
	void checkRange(long value, Object where) {
		if (value < this.min || value > this.max) {
			throw new IllegalArgumentException(
					value + " does not fit '" + this.code + "' (" + this.min + " to " + this.max + ") in " + where);
		}
	}

}
