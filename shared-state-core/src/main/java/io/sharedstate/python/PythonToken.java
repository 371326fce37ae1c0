package io.sharedstate.python;

import java.util.List;

import io.sharedstate.python.pickle.PickleCall;
import io.sharedstate.python.pickle.PickleException;
import io.sharedstate.python.pickle.PickleGlobals;

/**
 * A {@code multiprocessing.managers.Token}: which object of which manager a proxy stands
 * for. Unpickled as {@code Token.__new__} then {@code BUILD} with the state tuple
 * {@code (typeid, address, id)}.
 */
final class PythonToken implements PickleGlobals.Buildable {

	private String typeid;

	private Object address;

	private String id;

	PythonToken() {
	}

	PythonToken(String typeid, Object address, String id) {
		this.typeid = typeid;
		this.address = address;
		this.id = id;
	}

	@Override
	public void build(Object state) {
		if (this.id != null || !(state instanceof List<?> tuple) || tuple.size() != 3
				|| !(tuple.get(0) instanceof String typeidState) || !(tuple.get(2) instanceof String idState)) {
			throw new PickleException("Malformed pickle: a Token's state must be (typeid, address, id)");
		}
		this.typeid = typeidState;
		this.address = tuple.get(1);
		this.id = idState;
	}

	String typeid() {
		return this.typeid;
	}

	Object address() {
		return this.address;
	}

	/**
	 * Returns the object's ident.
	 * @return the ident
	 * @throws PickleException if the token was never given its state
	 */
	String id() {
		if (this.id == null) {
			throw new PickleException("Malformed pickle: a Token without state");
		}
		return this.id;
	}

	/**
	 * Returns what the writer pickles: {@code Token(typeid, address, id)}.
	 * @return the call
	 */
	PickleCall toPickle() {
		return PickleCall.of("multiprocessing.managers", "Token", this.typeid, this.address, this.id);
	}

}
