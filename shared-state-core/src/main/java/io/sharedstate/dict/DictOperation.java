package io.sharedstate.dict;

import io.sharedstate.engine.Operation;

/**
 * The remote operations of a dict. Append only: the wire code is the position.
 */
enum DictOperation implements Operation {

	GET, PUT, REMOVE, CONTAINS_KEY, CONTAINS_VALUE, SIZE, CLEAR, PUT_ALL, PUT_IF_ABSENT, REMOVE_ENTRY, REPLACE,
	REPLACE_ENTRY, COMPUTE, COMPUTE_IF_ABSENT, COMPUTE_IF_PRESENT, MERGE, REPLACE_ALL, SNAPSHOT, KEYS;

	static final DictOperation[] ALL = values();

}
