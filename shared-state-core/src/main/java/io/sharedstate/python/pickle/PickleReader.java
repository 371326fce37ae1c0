package io.sharedstate.python.pickle;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.sharedstate.snapshot.Tuple;

/**
 * Reads a pickle of protocol 2 to 5, as Python's {@code multiprocessing} writes them,
 * into JDK values: {@code None} is {@code null}, {@code bool} {@link Boolean},
 * {@code int} {@link Long} (or {@link BigInteger} beyond 64 bits), {@code float}
 * {@link Double}, {@code str} {@link String}, {@code bytes} {@code byte[]}, {@code list}
 * {@link ArrayList}, {@code tuple} {@link Tuple}, {@code dict} {@link LinkedHashMap},
 * {@code set} and {@code frozenset} {@link LinkedHashSet}. Every global is resolved by
 * the {@link PickleGlobals} when its name is read; nothing else is ever built. Persistent
 * ids, the extension registry, out-of-band buffers and the text opcodes of protocol 0 are
 * not supported. Not thread-safe; use one reader per pickle.
 */
public final class PickleReader {

	private static final Object MARK = new Object();

	private final byte[] data;

	private final PickleGlobals globals;

	private int position;

	private Object[] stack = new Object[16];

	private int size;

	private int[] marks = new int[8];

	private int markCount;

	private Object[] memo = new Object[16];

	private boolean[] memoized = new boolean[16];

	private int memoCount;

	private PickleReader(byte[] data, PickleGlobals globals) {
		this.data = data;
		this.globals = globals;
	}

	/**
	 * Reads one pickle.
	 * @param data the pickle
	 * @param globals what the globals it names may stand for
	 * @return the value
	 * @throws RefusedGlobalException if it names a global that is not allowed
	 * @throws PickleException if it is malformed or uses an unsupported opcode
	 */
	public static Object read(byte[] data, PickleGlobals globals) {
		return new PickleReader(data, globals).run();
	}

	private Object run() {
		while (true) {
			int opcode = u8();
			switch (opcode) {
				case Opcodes.PROTO -> {
					int protocol = u8();
					if (protocol > 5) {
						throw new PickleException("Unsupported pickle protocol " + protocol);
					}
				}
				case Opcodes.FRAME -> skip(8);
				case Opcodes.STOP -> {
					if (this.size != 1 || this.markCount != 0) {
						throw new PickleException("Malformed pickle: " + this.size + " values left at STOP");
					}
					return pop();
				}
				case Opcodes.NONE -> push(null);
				case Opcodes.NEWTRUE -> push(Boolean.TRUE);
				case Opcodes.NEWFALSE -> push(Boolean.FALSE);
				case Opcodes.BININT -> push((long) i32());
				case Opcodes.BININT1 -> push((long) u8());
				case Opcodes.BININT2 -> push((long) (u8() | (u8() << 8)));
				case Opcodes.LONG1 -> push(longOf(bytes(u8())));
				case Opcodes.LONG4 -> push(longOf(bytes(length(i32()))));
				case Opcodes.BINFLOAT -> push(Double.longBitsToDouble(be64()));
				case Opcodes.SHORT_BINUNICODE -> push(utf8(u8()));
				case Opcodes.BINUNICODE -> push(utf8(length(i32())));
				case Opcodes.BINUNICODE8 -> push(utf8(length(i64())));
				case Opcodes.SHORT_BINBYTES -> push(bytes(u8()));
				case Opcodes.BINBYTES -> push(bytes(length(i32())));
				case Opcodes.BINBYTES8 -> push(bytes(length(i64())));
				case Opcodes.SHORT_BINSTRING -> push(latin1(u8()));
				case Opcodes.BINSTRING -> push(latin1(length(i32())));
				case Opcodes.EMPTY_TUPLE -> push(Tuple.of());
				case Opcodes.TUPLE1 -> push(Tuple.of(pop()));
				case Opcodes.TUPLE2 -> {
					Object second = pop();
					push(Tuple.of(pop(), second));
				}
				case Opcodes.TUPLE3 -> {
					Object third = pop();
					Object second = pop();
					push(Tuple.of(pop(), second, third));
				}
				case Opcodes.TUPLE -> push(Tuple.of(popMarked()));
				case Opcodes.EMPTY_LIST -> push(new ArrayList<>());
				case Opcodes.LIST -> push(new ArrayList<>(Arrays.asList(popMarked())));
				case Opcodes.APPEND -> {
					Object element = pop();
					listAt(this.size - 1).add(element);
				}
				case Opcodes.APPENDS -> {
					Object[] elements = popMarked();
					listAt(this.size - 1).addAll(Arrays.asList(elements));
				}
				case Opcodes.EMPTY_DICT -> push(new LinkedHashMap<>());
				case Opcodes.DICT -> {
					Map<Object, Object> dict = new LinkedHashMap<>();
					putAll(dict, popMarked());
					push(dict);
				}
				case Opcodes.SETITEM -> {
					Object value = pop();
					Object key = pop();
					dictAt(this.size - 1).put(key, value);
				}
				case Opcodes.SETITEMS -> {
					Object[] items = popMarked();
					putAll(dictAt(this.size - 1), items);
				}
				case Opcodes.EMPTY_SET -> push(new LinkedHashSet<>());
				case Opcodes.ADDITEMS -> {
					Object[] items = popMarked();
					setAt(this.size - 1).addAll(Arrays.asList(items));
				}
				case Opcodes.FROZENSET -> push(new LinkedHashSet<>(Arrays.asList(popMarked())));
				case Opcodes.MARK -> mark();
				case Opcodes.POP -> {
					if (this.markCount > 0 && this.marks[this.markCount - 1] == this.size) {
						this.markCount--;
					}
					else {
						pop();
					}
				}
				case Opcodes.POP_MARK -> popMarked();
				case Opcodes.DUP -> push(peek());
				case Opcodes.MEMOIZE -> memoize(this.memoCount, peek());
				case Opcodes.BINPUT -> memoize(u8(), peek());
				case Opcodes.LONG_BINPUT -> memoize(i32(), peek());
				case Opcodes.BINGET -> push(memoized(u8()));
				case Opcodes.LONG_BINGET -> push(memoized(i32()));
				case Opcodes.GLOBAL -> push(this.globals.resolve(line(), line()));
				case Opcodes.STACK_GLOBAL -> {
					Object name = pop();
					Object module = pop();
					if (!(module instanceof String moduleName) || !(name instanceof String globalName)) {
						throw new PickleException("Malformed pickle: STACK_GLOBAL needs two strings");
					}
					push(this.globals.resolve(moduleName, globalName));
				}
				case Opcodes.REDUCE, Opcodes.NEWOBJ -> {
					Object args = pop();
					push(call(pop(), args));
				}
				case Opcodes.NEWOBJ_EX -> {
					Object kwargs = pop();
					Object args = pop();
					if (!(kwargs instanceof Map<?, ?> map) || !map.isEmpty()) {
						throw new PickleException("Unsupported pickle: keyword arguments to a constructor");
					}
					push(call(pop(), args));
				}
				case Opcodes.BUILD -> {
					Object state = pop();
					if (!(peek() instanceof PickleGlobals.Buildable buildable)) {
						throw new PickleException("Unsupported pickle: BUILD on " + describe(peek()));
					}
					buildable.build(state);
				}
				case Opcodes.BYTEARRAY8 -> throw new RefusedGlobalException("builtins.bytearray",
						"A bytearray cannot be shared; send bytes(...) instead");
				default -> throw new PickleException("Unsupported pickle opcode 0x" + Integer.toHexString(opcode)
						+ " at byte " + (this.position - 1));
			}
		}
	}

	private static Object call(Object callable, Object args) {
		if (!(callable instanceof PickleGlobals.Callable function)) {
			throw new PickleException("Malformed pickle: cannot call " + describe(callable));
		}
		if (!(args instanceof Tuple<?> tuple)) {
			throw new PickleException("Malformed pickle: arguments must be a tuple, not " + describe(args));
		}
		@SuppressWarnings("unchecked")
		List<Object> list = (List<Object>) tuple;
		return function.call(list);
	}

	private static String describe(Object value) {
		return (value != null) ? value.getClass().getSimpleName() : "None";
	}

	private static void putAll(Map<Object, Object> dict, Object[] items) {
		if (items.length % 2 != 0) {
			throw new PickleException("Malformed pickle: odd number of dict items");
		}
		for (int i = 0; i < items.length; i += 2) {
			dict.put(items[i], items[i + 1]);
		}
	}

	@SuppressWarnings("unchecked")
	private List<Object> listAt(int index) {
		if (index < 0 || !(this.stack[index] instanceof ArrayList<?>)) {
			throw new PickleException("Malformed pickle: APPEND to something that is not a list");
		}
		return (List<Object>) this.stack[index];
	}

	@SuppressWarnings("unchecked")
	private Map<Object, Object> dictAt(int index) {
		if (index < 0 || !(this.stack[index] instanceof LinkedHashMap<?, ?>)) {
			throw new PickleException("Malformed pickle: SETITEM on something that is not a dict");
		}
		return (Map<Object, Object>) this.stack[index];
	}

	@SuppressWarnings("unchecked")
	private Set<Object> setAt(int index) {
		if (index < 0 || !(this.stack[index] instanceof LinkedHashSet<?>)) {
			throw new PickleException("Malformed pickle: ADDITEMS on something that is not a set");
		}
		return (Set<Object>) this.stack[index];
	}

	private void memoize(int index, Object value) {
		if (index < 0 || index > this.data.length) {
			throw new PickleException("Malformed pickle: memo index " + index);
		}
		if (index >= this.memo.length) {
			int length = Math.max(index + 1, this.memo.length * 2);
			this.memo = Arrays.copyOf(this.memo, length);
			this.memoized = Arrays.copyOf(this.memoized, length);
		}
		this.memo[index] = value;
		if (!this.memoized[index]) {
			this.memoized[index] = true;
			this.memoCount++;
		}
	}

	private Object memoized(int index) {
		if (index < 0 || index >= this.memo.length || !this.memoized[index]) {
			throw new PickleException("Malformed pickle: memo " + index + " was never stored");
		}
		return this.memo[index];
	}

	private void push(Object value) {
		if (this.size == this.stack.length) {
			this.stack = Arrays.copyOf(this.stack, this.size * 2);
		}
		this.stack[this.size++] = value;
	}

	private Object pop() {
		if (this.size == 0 || (this.markCount > 0 && this.marks[this.markCount - 1] == this.size)) {
			throw new PickleException("Malformed pickle: stack underflow at byte " + (this.position - 1));
		}
		Object value = this.stack[--this.size];
		this.stack[this.size] = null;
		return value;
	}

	private Object peek() {
		if (this.size == 0) {
			throw new PickleException("Malformed pickle: empty stack at byte " + (this.position - 1));
		}
		return this.stack[this.size - 1];
	}

	private void mark() {
		if (this.markCount == this.marks.length) {
			this.marks = Arrays.copyOf(this.marks, this.markCount * 2);
		}
		this.marks[this.markCount++] = this.size;
	}

	private Object[] popMarked() {
		if (this.markCount == 0) {
			throw new PickleException("Malformed pickle: no MARK at byte " + (this.position - 1));
		}
		int from = this.marks[--this.markCount];
		Object[] values = Arrays.copyOfRange(this.stack, from, this.size);
		Arrays.fill(this.stack, from, this.size, null);
		this.size = from;
		return values;
	}

	private int u8() {
		if (this.position >= this.data.length) {
			throw new PickleException("Truncated pickle: " + this.data.length + " bytes");
		}
		return this.data[this.position++] & 0xff;
	}

	private void skip(int count) {
		need(count);
		this.position += count;
	}

	private void need(long count) {
		if (count < 0 || this.data.length - this.position < count) {
			throw new PickleException("Truncated pickle: " + this.data.length + " bytes");
		}
	}

	private int i32() {
		return u8() | (u8() << 8) | (u8() << 16) | (u8() << 24);
	}

	private long i64() {
		long low = i32() & 0xffffffffL;
		return low | ((long) i32() << 32);
	}

	private long be64() {
		long value = 0;
		for (int i = 0; i < 8; i++) {
			value = (value << 8) | u8();
		}
		return value;
	}

	private static int length(long length) {
		if (length < 0 || length > Integer.MAX_VALUE) {
			throw new PickleException("Malformed pickle: length " + length);
		}
		return (int) length;
	}

	private byte[] bytes(int count) {
		need(count);
		byte[] bytes = Arrays.copyOfRange(this.data, this.position, this.position + count);
		this.position += count;
		return bytes;
	}

	private String utf8(int count) {
		need(count);
		String text = new String(this.data, this.position, count, StandardCharsets.UTF_8);
		this.position += count;
		return text;
	}

	private String latin1(int count) {
		need(count);
		String text = new String(this.data, this.position, count, StandardCharsets.ISO_8859_1);
		this.position += count;
		return text;
	}

	private String line() {
		int start = this.position;
		while (u8() != '\n') {
			// read up to the newline
		}
		return new String(this.data, start, this.position - 1 - start, StandardCharsets.UTF_8);
	}

	/** A little-endian two's complement integer, as LONG1 and LONG4 carry it. */
	private static Object longOf(byte[] littleEndian) {
		if (littleEndian.length == 0) {
			return 0L;
		}
		byte[] bigEndian = new byte[littleEndian.length];
		for (int i = 0; i < littleEndian.length; i++) {
			bigEndian[i] = littleEndian[littleEndian.length - 1 - i];
		}
		BigInteger value = new BigInteger(bigEndian);
		return (value.bitLength() < 64) ? (Object) value.longValue() : value;
	}

}
