package io.sharedstate.python;

import java.util.Collections;
import java.util.Iterator;

/**
 * {@code IteratorProxy} on an iterator the server keeps, such as what
 * {@code iter(dict_proxy)} returns: it walks a snapshot taken when iteration started.
 */
final class IteratorMethods extends PythonMethods {

	static final IteratorMethods INSTANCE = new IteratorMethods();

	private IteratorMethods() {
		super("IteratorProxy", "__next__", "send", "throw", "close");
	}

	@Override
	Object call(MethodCall call) {
		Referent referent = call.referent();
		synchronized (referent) {
			Holder holder = call.referent().detail();
			switch (call.method()) {
				case "__next__" -> {
					if (!holder.iterator.hasNext()) {
						throw PythonException.stopIteration();
					}
					return holder.iterator.next();
				}
				case "close" -> {
					holder.iterator = Collections.emptyIterator();
					return null;
				}
				default ->
					throw PythonException.attributeError("'iterator' object has no attribute '" + call.method() + "'");
			}
		}
	}

	@Override
	String repr(MethodCall call) {
		return "<shared iterator>";
	}

	/**
	 * The iterator an iterator object walks, replaced when it is closed.
	 */
	static final class Holder {

		Iterator<?> iterator;

		Holder(Iterator<?> iterator) {
			this.iterator = iterator;
		}

	}

}
