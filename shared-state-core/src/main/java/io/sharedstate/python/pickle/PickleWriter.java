package io.sharedstate.python.pickle;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.sharedstate.api.SharedObject;
import io.sharedstate.snapshot.Tuple;

/**
 * Writes JDK values as a pickle of protocol 4, which every Python from 3.4 reads:
 * {@code null} as {@code None}, {@link Boolean}, {@link Byte}, {@link Short},
 * {@link Integer}, {@link Long} and {@link BigInteger} as {@code int}, {@link Float} and
 * {@link Double} as {@code float}, {@link String} and {@link Character} as {@code str},
 * {@code byte[]} as {@code bytes}, a {@link Tuple} or {@code Object[]} as {@code tuple},
 * another {@link List} as {@code list}, a {@link Set} as {@code set}, a {@link Map} as
 * {@code dict}, a {@link PickleCall} as a call of a global and a {@link PickleGlobal} as
 * a reference to one. Inside a dict key or a set element (where Python needs hashable
 * values) lists become tuples and sets frozensets. Any other value is first handed to the
 * {@link Substitution}.
 * <p>
 * The pickle is written after a gap left at the start of the buffer, for a message
 * header, so that it can be sent without copying. A writer is reused, one pickle at a
 * time; it is not thread-safe.
 */
public final class PickleWriter {

	private final Substitution substitution;

	private byte[] buffer = new byte[256];

	private int length;

	/**
	 * Creates a writer.
	 * @param substitution what to write instead of values that are not plain data
	 */
	public PickleWriter(Substitution substitution) {
		this.substitution = substitution;
	}

	/**
	 * Writes one pickle after a gap.
	 * @param value the value
	 * @param gap how many bytes to leave free at the start of the buffer
	 * @throws PickleException if the value, or something inside it, cannot be written;
	 * the buffer's content is then undefined
	 */
	public void write(Object value, int gap) {
		this.length = 0;
		ensure(gap + 16);
		this.length = gap;
		put(Opcodes.PROTO);
		put(4);
		value(value, false, 0);
		put(Opcodes.STOP);
	}

	/**
	 * Returns the buffer the last pickle was written into.
	 * @return the buffer, valid up to {@link #length()}
	 */
	public byte[] buffer() {
		return this.buffer;
	}

	/**
	 * Returns where the last pickle ends in the buffer.
	 * @return the gap plus the pickle's size
	 */
	public int length() {
		return this.length;
	}

	private void value(Object value, boolean hashable, int depth) {
		if (depth > 1000) {
			throw new PickleException("Value nested more than 1000 levels deep");
		}
		if (value == null) {
			put(Opcodes.NONE);
		}
		else if (value instanceof String string) {
			string(string);
		}
		else if (value instanceof Boolean bool) {
			put(bool ? Opcodes.NEWTRUE : Opcodes.NEWFALSE);
		}
		else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
			integer(((Number) value).longValue());
		}
		else if (value instanceof Double || value instanceof Float) {
			put(Opcodes.BINFLOAT);
			long bits = Double.doubleToLongBits(((Number) value).doubleValue());
			for (int shift = 56; shift >= 0; shift -= 8) {
				put((int) (bits >>> shift));
			}
		}
		else if (value instanceof byte[] bytes) {
			sized(bytes.length, Opcodes.SHORT_BINBYTES, Opcodes.BINBYTES);
			append(bytes);
		}
		else if (value instanceof BigInteger big) {
			bigInteger(big);
		}
		else if (value instanceof Character character) {
			string(character.toString());
		}
		else if (value instanceof SharedObject) {
			substitute(value, hashable, depth);
		}
		else if (value instanceof Tuple<?> tuple) {
			tuple(tuple, hashable, depth);
		}
		else if (value instanceof Object[] array) {
			tuple(Arrays.asList(array), hashable, depth);
		}
		else if (value instanceof List<?> list) {
			if (hashable) {
				tuple(list, true, depth);
			}
			else {
				put(Opcodes.EMPTY_LIST);
				items(list, Opcodes.APPENDS, false, depth);
			}
		}
		else if (value instanceof Set<?> set) {
			if (hashable) {
				put(Opcodes.MARK);
				for (Object element : set) {
					value(element, true, depth + 1);
				}
				put(Opcodes.FROZENSET);
			}
			else {
				put(Opcodes.EMPTY_SET);
				items(set, Opcodes.ADDITEMS, true, depth);
			}
		}
		else if (value instanceof Map<?, ?> map) {
			put(Opcodes.EMPTY_DICT);
			if (!map.isEmpty()) {
				put(Opcodes.MARK);
				for (Map.Entry<?, ?> entry : map.entrySet()) {
					value(entry.getKey(), true, depth + 1);
					value(entry.getValue(), false, depth + 1);
				}
				put(Opcodes.SETITEMS);
			}
		}
		else if (value instanceof PickleCall call) {
			call(call, depth);
		}
		else if (value instanceof PickleGlobal global) {
			global(global.module(), global.name());
		}
		else {
			substitute(value, hashable, depth);
		}
	}

	private void substitute(Object value, boolean hashable, int depth) {
		Object substitute = this.substitution.substitute(value, hashable);
		if (substitute == value) {
			throw new PickleException("Cannot pickle a " + value.getClass().getName());
		}
		value(substitute, hashable, depth + 1);
	}

	private void items(Collection<?> items, int opcode, boolean hashable, int depth) {
		if (!items.isEmpty()) {
			put(Opcodes.MARK);
			for (Object item : items) {
				value(item, hashable, depth + 1);
			}
			put(opcode);
		}
	}

	private void tuple(List<?> elements, boolean hashable, int depth) {
		switch (elements.size()) {
			case 0 -> put(Opcodes.EMPTY_TUPLE);
			case 1, 2, 3 -> {
				for (Object element : elements) {
					value(element, hashable, depth + 1);
				}
				put(Opcodes.TUPLE1 + elements.size() - 1);
			}
			default -> {
				put(Opcodes.MARK);
				for (Object element : elements) {
					value(element, hashable, depth + 1);
				}
				put(Opcodes.TUPLE);
			}
		}
	}

	private void global(String module, String name) {
		string(module);
		string(name);
		put(Opcodes.STACK_GLOBAL);
	}

	private void call(PickleCall call, int depth) {
		global(call.module(), call.name());
		tuple(call.args(), false, depth);
		put(call.newObject() ? Opcodes.NEWOBJ : Opcodes.REDUCE);
		if (call.state() != null) {
			value(call.state(), false, depth + 1);
			put(Opcodes.BUILD);
		}
	}

	private void string(String string) {
		byte[] utf8 = string.getBytes(StandardCharsets.UTF_8);
		sized(utf8.length, Opcodes.SHORT_BINUNICODE, Opcodes.BINUNICODE);
		append(utf8);
	}

	private void sized(int size, int shortOpcode, int longOpcode) {
		if (size < 256) {
			put(shortOpcode);
			put(size);
		}
		else {
			put(longOpcode);
			int32(size);
		}
	}

	private void integer(long value) {
		if (value >= 0 && value < 256) {
			put(Opcodes.BININT1);
			put((int) value);
		}
		else if (value >= 0 && value < 65536) {
			put(Opcodes.BININT2);
			put((int) value);
			put((int) (value >>> 8));
		}
		else if (value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE) {
			put(Opcodes.BININT);
			int32((int) value);
		}
		else {
			bigInteger(BigInteger.valueOf(value));
		}
	}

	private void bigInteger(BigInteger value) {
		byte[] bigEndian = value.toByteArray();
		if (bigEndian.length < 256) {
			put(Opcodes.LONG1);
			put(bigEndian.length);
		}
		else {
			put(Opcodes.LONG4);
			int32(bigEndian.length);
		}
		ensure(bigEndian.length);
		for (int i = bigEndian.length - 1; i >= 0; i--) {
			this.buffer[this.length++] = bigEndian[i];
		}
	}

	private void int32(int value) {
		put(value);
		put(value >>> 8);
		put(value >>> 16);
		put(value >>> 24);
	}

	private void put(int b) {
		if (this.length == this.buffer.length) {
			ensure(1);
		}
		this.buffer[this.length++] = (byte) b;
	}

	private void append(byte[] bytes) {
		ensure(bytes.length);
		System.arraycopy(bytes, 0, this.buffer, this.length, bytes.length);
		this.length += bytes.length;
	}

	private void ensure(int more) {
		long needed = (long) this.length + more;
		if (needed > this.buffer.length) {
			if (needed > Integer.MAX_VALUE - 16) {
				throw new PickleException("Value too large to pickle: more than 2 GiB");
			}
			this.buffer = Arrays.copyOf(this.buffer,
					(int) Math.max(needed, Math.min(Integer.MAX_VALUE - 16, (long) this.buffer.length * 2)));
		}
	}

	/**
	 * Turns a value the writer does not know into one it does.
	 */
	@FunctionalInterface
	public interface Substitution {

		/**
		 * Returns what to write instead of a value.
		 * @param value the value, of a class the writer does not know
		 * @param hashable whether it stands where Python needs a hashable value (a dict
		 * key or set element)
		 * @return the replacement; returning the value itself means it cannot be written
		 * @throws RuntimeException to refuse the value with a specific error
		 */
		Object substitute(Object value, boolean hashable);

	}

}
