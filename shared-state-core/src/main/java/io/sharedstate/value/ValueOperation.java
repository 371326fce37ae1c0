package io.sharedstate.value;

import io.sharedstate.engine.Operation;

/**
 * The remote operations of a value. Append only: the wire code is the position.
 */
enum ValueOperation implements Operation {

	GET, SET, GET_AND_SET, COMPARE_AND_SET, GET_AND_UPDATE, UPDATE_AND_GET, ACCUMULATE_AND_GET;

	static final ValueOperation[] ALL = values();

}
