package io.sharedstate.value;

import io.sharedstate.engine.Operation;

/**
 * The remote operations of a counter. Append only: the wire code is the position.
 */
enum CounterOperation implements Operation {

	GET, SET, ADD_AND_GET, GET_AND_ADD, COMPARE_AND_SET;

	static final CounterOperation[] ALL = values();

}
