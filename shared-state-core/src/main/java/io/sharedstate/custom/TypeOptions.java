package io.sharedstate.custom;

import java.util.List;
import java.util.Objects;

/**
 * How the objects of a registered custom type are called. Immutable; the {@code with...}
 * methods return changed copies.
 *
 * @param threadSafe whether the type is safe for concurrent calls: if so, calls on one
 * object run concurrently; if not (the default), they run one at a time
 * @param exposed the names of the interface methods clients may call (every overload of a
 * name); empty (the default) exposes every method of the interface, like Python's
 * {@code exposed=None}
 */
public record TypeOptions(boolean threadSafe, List<String> exposed) {

	public TypeOptions {
		exposed = List.copyOf(Objects.requireNonNull(exposed, "exposed"));
	}

	/**
	 * Returns the defaults: calls run one at a time, every interface method is exposed.
	 * @return the options
	 */
	public static TypeOptions defaults() {
		return new TypeOptions(false, List.of());
	}

	/**
	 * Returns a copy that declares whether the type is safe for concurrent calls.
	 * @param threadSafe whether calls on one object may run concurrently
	 * @return the copy
	 */
	public TypeOptions withThreadSafe(boolean threadSafe) {
		return new TypeOptions(threadSafe, this.exposed);
	}

	/**
	 * Returns a copy that exposes only the methods of the given names; calling another
	 * method of the interface fails with {@link UnsupportedOperationException}.
	 * @param methodNames the names of the exposed methods
	 * @return the copy
	 */
	public TypeOptions withExposed(String... methodNames) {
		return new TypeOptions(this.threadSafe, List.of(methodNames));
	}

}
