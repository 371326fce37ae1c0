package io.sharedstate.list;

import io.sharedstate.engine.Operation;

/**
 * The remote operations of a list. Append only: the wire code is the position.
 */
enum ListOperation implements Operation {

	SIZE, GET, SET, ADD, ADD_AT, REMOVE_AT, REMOVE, CONTAINS, INDEX_OF, LAST_INDEX_OF, CLEAR, ADD_ALL, ADD_ALL_AT,
	REMOVE_ALL, RETAIN_ALL, REMOVE_IF, REPLACE_ALL, SORT, SNAPSHOT, REMOVE_RANGE, CONTAINS_ALL;

	static final ListOperation[] ALL = values();

}
