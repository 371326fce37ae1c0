package io.sharedstate.model;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The parked calls of one state, first come first served.
 */
public final class WaitQueue implements Serializable, Iterable<Parked> {

	@Serial
	private static final long serialVersionUID = 1L;

	private final ArrayDeque<Parked> parked = new ArrayDeque<>();

	/**
	 * Adds a parked call at the back.
	 * @param call the call
	 * @return the call
	 */
	public Parked add(Parked call) {
		this.parked.addLast(call);
		return call;
	}

	/**
	 * Returns the first call without removing it.
	 * @return the call, or {@code null}
	 */
	public Parked first() {
		return this.parked.peekFirst();
	}

	/**
	 * Removes the first call.
	 * @return the call, or {@code null}
	 */
	public Parked poll() {
		return this.parked.pollFirst();
	}

	/**
	 * Removes every call.
	 * @return the calls, first first
	 */
	public List<Parked> pollAll() {
		List<Parked> all = new ArrayList<>(this.parked);
		this.parked.clear();
		return all;
	}

	/**
	 * Removes a call by its wait id.
	 * @param waitId the id
	 * @return the call, or {@code null} if it is not parked here
	 */
	public Parked remove(long waitId) {
		for (Iterator<Parked> it = this.parked.iterator(); it.hasNext();) {
			Parked call = it.next();
			if (call.id() == waitId) {
				it.remove();
				return call;
			}
		}
		return null;
	}

	/**
	 * Removes the calls of a session.
	 * @param session the session
	 * @return the calls removed, first first
	 */
	public List<Parked> removeSession(long session) {
		List<Parked> removed = new ArrayList<>();
		for (Iterator<Parked> it = this.parked.iterator(); it.hasNext();) {
			Parked call = it.next();
			if (call.owner().session() == session) {
				it.remove();
				removed.add(call);
			}
		}
		return removed;
	}

	/**
	 * Returns whether nobody waits.
	 * @return whether the queue is empty
	 */
	public boolean isEmpty() {
		return this.parked.isEmpty();
	}

	/**
	 * Returns how many wait.
	 * @return the count
	 */
	public int size() {
		return this.parked.size();
	}

	@Override
	public Iterator<Parked> iterator() {
		return this.parked.iterator();
	}

}
