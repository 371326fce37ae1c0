package io.sharedstate.snapshot;

/**
 * Thrown when code tries to change a snapshot read from shared state. The change would
 * only affect the local copy and be silently lost, the classic mistake with Python's
 * manager ({@code d[1].append(4)} doing nothing).
 */
public class LostUpdateException extends UnsupportedOperationException {

	/**
	 * Creates the exception with a message, as recreated from an error reply.
	 * @param message the message
	 */
	public LostUpdateException(String message) {
		super(message);
	}

	static LostUpdateException forKind(String kind) {
		return new LostUpdateException(
				"This " + kind + " is a read-only snapshot of a value held in shared state: changing it would change "
						+ "only this copy and the update would be lost. To share a mutable " + kind
						+ ", store a shared object " + "(manager.list(name) or manager.dict(name)) instead of a plain "
						+ kind + "; to change a stored value atomically, use compute or merge on its container.");
	}

}
