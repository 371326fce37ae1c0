package io.sharedstate.namespace;

import io.sharedstate.engine.Operation;

/**
 * The remote operations of a namespace. Append only: the wire code is the position.
 */
enum NamespaceOperation implements Operation {

	GET, SET, DELETE, HAS, COMPUTE, ATTRIBUTES;

	static final NamespaceOperation[] ALL = values();

}
