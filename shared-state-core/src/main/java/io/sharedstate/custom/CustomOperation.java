package io.sharedstate.custom;

import io.sharedstate.engine.Operation;

/**
 * The remote operations of a custom object. Append only: the wire code is the position.
 * {@code CALL}: body method key, argument count, arguments; reply the result.
 */
enum CustomOperation implements Operation {

	CALL;

	static final CustomOperation[] ALL = values();

}
