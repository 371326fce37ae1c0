package io.sharedstate.memory;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

import static io.sharedstate.memory.ShareableListLayout.CODE_AS_IS;
import static io.sharedstate.memory.ShareableListLayout.CODE_BYTES;
import static io.sharedstate.memory.ShareableListLayout.CODE_NONE;
import static io.sharedstate.memory.ShareableListLayout.CODE_STR;
import static io.sharedstate.memory.ShareableListLayout.FORMAT_BOOL;
import static io.sharedstate.memory.ShareableListLayout.FORMAT_FLOAT;
import static io.sharedstate.memory.ShareableListLayout.FORMAT_INT;
import static io.sharedstate.memory.ShareableListLayout.FORMAT_NONE;

/**
 * A fixed-length list in one shared memory block, in the exact layout of Python's
 * {@code multiprocessing.shared_memory.ShareableList}: a list made by either language is
 * read and written by the other ({@code ShareableList(name=list.block().name())} in
 * Python). Items are Python's int, float, bool, str, bytes and None, here {@link Long},
 * {@link Double}, {@link Boolean}, {@link String}, {@code byte[]} and {@code null}
 * ({@link Integer}, {@link Short}, {@link Byte} and {@link Float} are stored as the wider
 * type). See {@link ShareableListLayout} for the bytes.
 *
 * <pre>{@code
 * ShareableList list = ShareableList.create("jobs", List.of(0L, 1.5, "pending", true));
 * list.set(2, "done");      // python: sl = ShareableList(name="jobs"); sl[2] == 'done'
 * }</pre>
 *
 * <p>
 * As in Python, the length is fixed ({@code add} and {@code remove} are unsupported), and
 * an item can change type but not outgrow its slot: a str or bytes item gets
 * {@code 8*(len/8+1)} bytes when the list is created, a number 8. Unlike Python, slot
 * sizes count UTF-8 bytes rather than characters, so a non-ASCII string is never cut
 * (CPython #88336), and a str or bytes value ending in NUL is refused, because Python
 * strips trailing NULs when it reads (CPython #96779) and the value would come back
 * different.
 *
 * <p>
 * Items are read and written with plain accesses and no lock, as in Python: a reader may
 * see an item half-written by another process. {@code equals} between items is Java's,
 * except that {@code byte[]} items compare by content in {@link #indexOf},
 * {@link #contains} and {@link #count}. Not thread-safe for writers of one item; reads
 * need no coordination among themselves.
 */
public final class ShareableList extends AbstractList<Object> implements RandomAccess, AutoCloseable {

	private final SharedMemory block;

	private final int count;

	/** Where each slot starts in the block, and where the data area ends. */
	private final long[] slots;

	private final long formats;

	private final long codes;

	private ShareableList(SharedMemory block, int count, long[] slots) {
		this.block = block;
		this.count = count;
		this.slots = slots;
		this.formats = slots[count];
		this.codes = this.formats + 8L * count;
	}

	/**
	 * Creates a block holding a list of the items, like {@code ShareableList(items,
	 * name=name)}.
	 * @param name the block's name
	 * @param items the items
	 * @return the list
	 * @throws IllegalArgumentException if an item is of a type Python's list cannot hold,
	 * or a str or bytes item is too long or ends in NUL
	 * @throws BlockExistsException if the name is taken
	 */
	public static ShareableList create(String name, List<?> items) {
		List<Item> encoded = encodeAll(items);
		SharedMemory block = SharedMemory.create(name, size(encoded));
		return write(block, encoded);
	}

	/**
	 * Creates a list under a fresh name like Python's ({@code psm_...}), like
	 * {@code ShareableList(items)}.
	 * @param items the items
	 * @return the list; {@code block().name()} tells others where to find it
	 */
	public static ShareableList create(List<?> items) {
		List<Item> encoded = encodeAll(items);
		return write(SharedMemory.create(size(encoded)), encoded);
	}

	/**
	 * Lays a list out at the start of a block of at least {@link #requiredSize(List)}
	 * bytes, for instance one made through {@code SharedState.memory()}.
	 * @param block the block
	 * @param items the items
	 * @return the list
	 * @throws IllegalArgumentException if the block is too small
	 */
	public static ShareableList create(SharedMemory block, List<?> items) {
		List<Item> encoded = encodeAll(items);
		long required = size(encoded);
		if (block.size() < required) {
			throw new IllegalArgumentException("A ShareableList of these items needs " + required + " bytes; block '"
					+ block.name() + "' has " + block.size());
		}
		return write(block, encoded);
	}

	/**
	 * Returns the size of the block a list of these items needs.
	 * @param items the items
	 * @return the size in bytes
	 */
	public static long requiredSize(List<?> items) {
		return size(encodeAll(items));
	}

	/**
	 * Attaches to the list in a block, like {@code ShareableList(name=name)}.
	 * @param name the block's name
	 * @return the list
	 * @throws BlockNotFoundException if there is no such block
	 * @throws SharedMemoryException if the block holds no ShareableList
	 */
	public static ShareableList attach(String name) {
		return of(SharedMemory.attach(name));
	}

	/**
	 * Returns the list a block holds, checking its layout.
	 * @param block the block
	 * @return the list
	 * @throws SharedMemoryException if the block holds no ShareableList
	 */
	public static ShareableList of(SharedMemory block) {
		long size = block.size();
		long count = (size >= 16) ? block.getLong(0) : -1;
		if (count < 0 || count > (size - 16) / 17) {
			throw notAList(block, "an item count of " + count + " does not fit its " + size + " bytes");
		}
		int n = (int) count;
		long dataStart = ShareableListLayout.dataStart(n);
		long[] slots = new long[n + 1];
		long previous = -1;
		for (int i = 0; i <= n; i++) {
			long offset = block.getLong(8 + 8L * i);
			if (offset < 0 || offset % 8 != 0 || offset <= previous || (i == 0 && offset != 0)) {
				throw notAList(block, "offset " + i + " is " + offset);
			}
			slots[i] = dataStart + offset;
			previous = offset;
		}
		if (ShareableListLayout.size(n, slots[n] - dataStart) > size) {
			throw notAList(block, "its layout needs " + ShareableListLayout.size(n, slots[n] - dataStart) + " bytes");
		}
		return new ShareableList(block, n, slots);
	}

	private static SharedMemoryException notAList(SharedMemory block, String why) {
		return new SharedMemoryException("Block '" + block.name() + "' holds no ShareableList: " + why);
	}

	/**
	 * Returns the block the list lives in, like Python's {@code ShareableList.shm}.
	 * @return the block
	 */
	public SharedMemory block() {
		return this.block;
	}

	/**
	 * Returns the number of items, fixed when the list was created.
	 * @return the length
	 */
	@Override
	public int size() {
		return this.count;
	}

	/**
	 * Reads an item as it is now.
	 * @param index the index
	 * @return a {@link Long}, {@link Double}, {@link Boolean}, {@link String},
	 * {@code byte[]} or {@code null}
	 * @throws IndexOutOfBoundsException if the index is out of range
	 * @throws SharedMemoryException if the item's format or code is unknown
	 */
	@Override
	public Object get(int index) {
		checkIndex(index);
		long format = this.block.getLong(this.formats + 8L * index);
		byte code = this.block.getByte(this.codes + index);
		long slot = this.slots[index];
		switch (code) {
			case CODE_AS_IS:
				if (format == FORMAT_INT) {
					return this.block.getLong(slot);
				}
				if (format == FORMAT_FLOAT) {
					return this.block.getDouble(slot);
				}
				if (format == FORMAT_BOOL) {
					return this.block.getByte(slot + 7) != 0;
				}
				throw damaged(index, "format '" + ShareableListLayout.text(format) + "' with back-transform code 0");
			case CODE_STR:
				return decode(index, stripped(index, format, slot));
			case CODE_BYTES:
				return stripped(index, format, slot);
			case CODE_NONE:
				return null;
			default:
				throw damaged(index, "back-transform code " + code);
		}
	}

	/**
	 * Replaces an item; it may change type, as in Python.
	 * @param index the index
	 * @param value a number, boolean, {@link String}, {@code byte[]} or {@code null}
	 * @return the item before
	 * @throws IndexOutOfBoundsException if the index is out of range
	 * @throws IllegalArgumentException if the value's type cannot be stored, or a str or
	 * bytes value does not fit the item's slot or ends in NUL
	 */
	@Override
	public Object set(int index, Object value) {
		Object previous = get(index);
		Item item = encode(value, index);
		long slot = this.slots[index];
		int room = (int) (this.slots[index + 1] - slot);
		long format = item.format;
		if (item.bytes != null) {
			if (item.bytes.length > room) {
				throw new IllegalArgumentException("Item " + index + " of " + label() + " has a slot of " + room
						+ " bytes, and " + describe(value) + " needs " + item.bytes.length
						+ ". A ShareableList's slots cannot grow: create a new list with room for it.");
			}
			format = ShareableListLayout.stringFormat(room);
		}
		this.block.putLong(this.formats + 8L * index, format);
		this.block.putByte(this.codes + index, item.code);
		if (item.bytes != null) {
			this.block.put(slot, Arrays.copyOf(item.bytes, room), 0, room);
		}
		else {
			this.block.putLong(slot, item.bits);
		}
		return previous;
	}

	/**
	 * Returns how many items equal a value, like Python's {@code count}.
	 * @param value the value
	 * @return the count
	 */
	public int count(Object value) {
		int found = 0;
		for (int i = 0; i < this.count; i++) {
			if (same(value, get(i))) {
				found++;
			}
		}
		return found;
	}

	@Override
	public int indexOf(Object value) {
		for (int i = 0; i < this.count; i++) {
			if (same(value, get(i))) {
				return i;
			}
		}
		return -1;
	}

	@Override
	public int lastIndexOf(Object value) {
		for (int i = this.count - 1; i >= 0; i--) {
			if (same(value, get(i))) {
				return i;
			}
		}
		return -1;
	}

	@Override
	public boolean contains(Object value) {
		return indexOf(value) >= 0;
	}

	/**
	 * Returns the items as they are now in a plain list, like Python's {@code copy()}.
	 * @return a new, modifiable list
	 */
	public List<Object> copy() {
		return new ArrayList<>(this);
	}

	/**
	 * Returns the struct formats of the items as they are now, like Python's
	 * {@code format} (for instance {@code "qd16sxxxxxxx?"}).
	 * @return the formats, concatenated
	 */
	public String format() {
		StringBuilder format = new StringBuilder();
		for (int i = 0; i < this.count; i++) {
			format.append(ShareableListLayout.text(this.block.getLong(this.formats + 8L * i)));
		}
		return format.toString();
	}

	/**
	 * Closes this process's use of the list's block; the list stays for the others.
	 */
	@Override
	public void close() {
		this.block.close();
	}

	private static boolean same(Object a, Object b) {
		return (a instanceof byte[] x && b instanceof byte[] y) ? Arrays.equals(x, y) : Objects.equals(a, b);
	}

	private void checkIndex(int index) {
		if (index < 0 || index >= this.count) {
			throw new IndexOutOfBoundsException(
					"Index " + index + " is out of range for " + label() + " of " + this.count + " items");
		}
	}

	private byte[] stripped(int index, long format, long slot) {
		int length = ShareableListLayout.stringLength(format);
		if (length < 0 || length > this.slots[index + 1] - slot) {
			throw damaged(index, "format '" + ShareableListLayout.text(format) + "' for a str or bytes item");
		}
		byte[] bytes = new byte[length];
		this.block.get(slot, bytes, 0, length);
		int end = length;
		while (end > 0 && bytes[end - 1] == 0) {
			end--;
		}
		return (end == length) ? bytes : Arrays.copyOf(bytes, end);
	}

	private String decode(int index, byte[] utf8) {
		for (byte b : utf8) {
			if (b < 0) {
				try {
					return StandardCharsets.UTF_8.newDecoder()
						.onMalformedInput(CodingErrorAction.REPORT)
						.onUnmappableCharacter(CodingErrorAction.REPORT)
						.decode(ByteBuffer.wrap(utf8))
						.toString();
				}
				catch (CharacterCodingException ex) {
					throw damaged(index, "a str that is not valid UTF-8 (Python cuts a non-ASCII str to a slot sized "
							+ "by its characters, CPython #88336)");
				}
			}
		}
		return new String(utf8, StandardCharsets.ISO_8859_1);
	}

	private SharedMemoryException damaged(int index, String what) {
		return new SharedMemoryException("Item " + index + " of " + label() + " has " + what);
	}

	private static List<Item> encodeAll(List<?> items) {
		List<Item> encoded = new ArrayList<>(items.size());
		for (int i = 0; i < items.size(); i++) {
			encoded.add(encode(items.get(i), i));
		}
		return encoded;
	}

	private static long size(List<Item> items) {
		long data = 0;
		for (Item item : items) {
			data += item.slot;
		}
		return ShareableListLayout.size(items.size(), data);
	}

	private static ShareableList write(SharedMemory block, List<Item> items) {
		int n = items.size();
		long dataStart = ShareableListLayout.dataStart(n);
		long[] slots = new long[n + 1];
		block.putLong(0, n);
		long offset = 0;
		for (int i = 0; i < n; i++) {
			block.putLong(8 + 8L * i, offset);
			slots[i] = dataStart + offset;
			offset += items.get(i).slot;
		}
		block.putLong(8 + 8L * n, offset);
		slots[n] = dataStart + offset;
		ShareableList list = new ShareableList(block, n, slots);
		for (int i = 0; i < n; i++) {
			Item item = items.get(i);
			block.putLong(list.formats + 8L * i, item.format);
			block.putByte(list.codes + i, item.code);
			if (item.bytes != null) {
				block.put(slots[i], Arrays.copyOf(item.bytes, item.slot), 0, item.slot);
			}
			else {
				block.putLong(slots[i], item.bits);
			}
		}
		return list;
	}

	private static Item encode(Object value, int index) {
		if (value == null) {
			return new Item(FORMAT_NONE, CODE_NONE, 0, null);
		}
		if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
			return new Item(FORMAT_INT, CODE_AS_IS, ((Number) value).longValue(), null);
		}
		if (value instanceof Double || value instanceof Float) {
			return new Item(FORMAT_FLOAT, CODE_AS_IS, Double.doubleToRawLongBits(((Number) value).doubleValue()), null);
		}
		if (value instanceof Boolean flag) {
			return new Item(FORMAT_BOOL, CODE_AS_IS, flag ? 1L << 56 : 0, null);
		}
		if (value instanceof String text) {
			return text(text.getBytes(StandardCharsets.UTF_8), CODE_STR, value, index);
		}
		if (value instanceof byte[] bytes) {
			return text(bytes.clone(), CODE_BYTES, value, index);
		}
		throw new IllegalArgumentException("Item " + index + " is a " + value.getClass().getName()
				+ "; a ShareableList holds Python's int, float, bool, str, bytes and None: Long (or Integer, Short, "
				+ "Byte), Double (or Float), Boolean, String, byte[] and null");
	}

	private static Item text(byte[] bytes, byte code, Object value, int index) {
		if (bytes.length > 0 && bytes[bytes.length - 1] == 0) {
			throw new IllegalArgumentException("Item " + index + ", " + describe(value) + ", ends in a NUL byte, which "
					+ "Python's ShareableList strips when it reads (CPython #96779): it would come back shorter. "
					+ "Store it without trailing NULs, or with its length.");
		}
		int slot = ShareableListLayout.slotFor(bytes.length);
		if (slot > ShareableListLayout.MAX_SLOT) {
			throw new IllegalArgumentException("Item " + index + ", " + describe(value) + ", has " + bytes.length
					+ " bytes; a ShareableList item holds at most " + (ShareableListLayout.MAX_SLOT - 1));
		}
		return new Item(ShareableListLayout.stringFormat(slot), code, 0, bytes, slot);
	}

	private static String describe(Object value) {
		if (value instanceof String text) {
			return "the str '" + ((text.length() > 40) ? text.substring(0, 40) + "..." : text) + "'";
		}
		return (value instanceof byte[] bytes) ? "a bytes of " + bytes.length : String.valueOf(value);
	}

	/**
	 * Describes the list as Python's {@code repr} does.
	 * @return {@code ShareableList([items], name='...')}
	 */
	@Override
	public String toString() {
		return "ShareableList(" + super.toString() + ", name='" + this.block.name() + "')";
	}

	private String label() {
		return "ShareableList '" + this.block.name() + "'";
	}

	/** An item as it is stored: its format, code, and 8 bytes or a str's bytes. */
	private static final class Item {

		final long format;

		final byte code;

		final long bits;

		final byte[] bytes;

		final int slot;

		Item(long format, byte code, long bits, byte[] bytes) {
			this(format, code, bits, bytes, 8);
		}

		Item(long format, byte code, long bits, byte[] bytes, int slot) {
			this.format = format;
			this.code = code;
			this.bits = bits;
			this.bytes = bytes;
			this.slot = slot;
		}

	}

}
