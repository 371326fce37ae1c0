package io.sharedstate.custom;

import io.sharedstate.model.Operation;
import io.sharedstate.model.OperationKind;
import io.sharedstate.model.OperationSpec;

/**
 * The one operation of a custom object: call an exposed method.
 */
enum CustomOperation implements Operation {

	/** Method key, the arguments as an array. */
	CALL;

	private static final OperationSpec<CustomState> SPEC = new OperationSpec<>(OperationKind.WRITE, 2,
			CustomState.class, (custom, a, t) -> custom.call((String) a[0], (Object[]) a[1], t));

	@Override
	public OperationSpec<CustomState> spec() {
		return SPEC;
	}

	@Override
	public boolean runsUserCode() {
		return true;
	}

}
