package io.sharedstate.namespace;

import io.sharedstate.model.Operation;
import io.sharedstate.model.OperationKind;
import io.sharedstate.model.OperationSpec;
import io.sharedstate.model.OperationSpec.Handler;

import static io.sharedstate.model.OperationKind.READ;
import static io.sharedstate.model.OperationKind.WRITE;

/**
 * The operations of a namespace.
 */
enum NamespaceOperation implements Operation {

	GET(READ, 1, (ns, a, t) -> ns.get((String) a[0])),

	SET(WRITE, 2, (ns, a, t) -> ns.set((String) a[0], a[1])),

	DELETE(WRITE, 1, (ns, a, t) -> ns.delete((String) a[0])),

	HAS(READ, 1, (ns, a, t) -> ns.has((String) a[0])),

	COMPUTE(WRITE, 2, (ns, a, t) -> ns.compute((String) a[0], a[1])),

	ATTRIBUTES(READ, 0, (ns, a, t) -> ns.attributes());

	private final OperationSpec<NamespaceState> spec;

	NamespaceOperation(OperationKind kind, int arity, Handler<NamespaceState> handler) {
		this.spec = new OperationSpec<>(kind, arity, NamespaceState.class, handler);
	}

	@Override
	public OperationSpec<NamespaceState> spec() {
		return this.spec;
	}

}
