package io.sharedstate.memory;

import java.nio.charset.StandardCharsets;

/**
 * The layout of Python's {@code ShareableList} (CPython 3.9 to 3.13 alike; 3.8 stored
 * sizes instead of offsets), all numbers little-endian:
 *
 * <pre>
 *  0            N, the item count (q)
 *  8            N+1 offsets of the items into the data area (q each): 0, ..., K
 *  8(N+2)       the data area, K bytes: one slot per item, 8 bytes, or 8*(len/8+1)
 *               for a str or bytes of len bytes
 *  8(N+2)+K     N struct formats, 8 bytes each, NUL-padded ASCII:
 *               q (int), d (float), xxxxxxx? (bool, in the slot's byte 7),
 *               xxxxxx?x (None, slot all zero), &lt;slot&gt;s (str, bytes)
 *  8(N+2)+K+8N  N back-transform codes, 1 byte each:
 *               0 as unpacked, 1 str (strip trailing NULs, decode UTF-8),
 *               2 bytes (strip trailing NULs), 3 None
 *  8(N+2)+K+9N  end
 * </pre>
 */
final class ShareableListLayout {

	static final long FORMAT_INT = format("q");

	static final long FORMAT_FLOAT = format("d");

	static final long FORMAT_BOOL = format("xxxxxxx?");

	static final long FORMAT_NONE = format("xxxxxx?x");

	static final byte CODE_AS_IS = 0;

	static final byte CODE_STR = 1;

	static final byte CODE_BYTES = 2;

	static final byte CODE_NONE = 3;

	/** A str or bytes slot's format is its size and 's' in 8 characters. */
	static final int MAX_SLOT = 9_999_999 / 8 * 8;

	private ShareableListLayout() {
	}

	/**
	 * Returns where the data area starts.
	 * @param count the item count
	 * @return its offset
	 */
	static long dataStart(long count) {
		return (count + 2) * 8;
	}

	/**
	 * Returns the size of a list's layout.
	 * @param count the item count
	 * @param dataSize the data area's size
	 * @return the size in bytes
	 */
	static long size(long count, long dataSize) {
		return dataStart(count) + dataSize + 9 * count;
	}

	/**
	 * Returns the slot Python gives a str or bytes of some length: the next multiple of 8
	 * above it, so at least one NUL follows.
	 * @param length the encoded length
	 * @return the slot size
	 */
	static int slotFor(int length) {
		return 8 * (length / 8 + 1);
	}

	/**
	 * Returns a struct format as the 8 bytes stored, read as a little-endian long.
	 * @param format the format, at most 8 ASCII characters
	 * @return the long
	 */
	static long format(String format) {
		byte[] bytes = format.getBytes(StandardCharsets.US_ASCII);
		long value = 0;
		for (int i = bytes.length - 1; i >= 0; i--) {
			value = (value << 8) | (bytes[i] & 0xFF);
		}
		return value;
	}

	/**
	 * Returns the format of a str or bytes slot.
	 * @param slot the slot size
	 * @return the format as stored
	 */
	static long stringFormat(int slot) {
		return format(slot + "s");
	}

	/**
	 * Returns the text of a stored format.
	 * @param format the 8 bytes as a long
	 * @return the format without its NUL padding
	 */
	static String text(long format) {
		StringBuilder text = new StringBuilder(8);
		for (long rest = format; rest != 0 && text.length() < 8; rest >>>= 8) {
			text.append((char) (rest & 0xFF));
		}
		return text.toString();
	}

	/**
	 * Returns the length a {@code <n>s} format packs.
	 * @param format the format
	 * @return n, or -1 if it is not such a format
	 */
	static int stringLength(long format) {
		String text = text(format);
		if (text.length() < 2 || text.charAt(text.length() - 1) != 's') {
			return -1;
		}
		try {
			return Integer.parseInt(text, 0, text.length() - 1, 10);
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

}
