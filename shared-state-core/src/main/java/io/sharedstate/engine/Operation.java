package io.sharedstate.engine;

import io.sharedstate.protocol.Ops;

/**
 * A remote operation of one shared type. Each type declares its operations as an enum;
 * the wire code is derived from the constant's position, so codes are stable as long as
 * constants are only appended.
 */
public interface Operation {

	/**
	 * Returns the constant's position in its enum.
	 * @return the ordinal
	 */
	int ordinal();

	/**
	 * Returns the operation's name, for error messages.
	 * @return the name
	 */
	String name();

	/**
	 * Returns the wire code.
	 * @return the code
	 */
	default int code() {
		return Ops.FIRST_OBJECT_OP + ordinal();
	}

	/**
	 * Finds the operation of a wire code among an enum's constants.
	 * @param <O> the operation enum
	 * @param operations the enum's {@code values()}
	 * @param code the wire code
	 * @return the operation
	 * @throws UnsupportedOperationException if no operation has that code
	 */
	static <O extends Operation> O ofCode(O[] operations, int code) {
		int index = code - Ops.FIRST_OBJECT_OP;
		if (index < 0 || index >= operations.length) {
			throw new UnsupportedOperationException(
					"Unknown operation code " + code + "; the client is probably newer than this manager server");
		}
		return operations[index];
	}

}
