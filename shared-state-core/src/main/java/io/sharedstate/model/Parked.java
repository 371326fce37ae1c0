package io.sharedstate.model;

import java.io.Serial;
import java.io.Serializable;

/**
 * A call parked in a state until a later transition serves it: a lock wait, a take from
 * an empty queue... Plain data, so a state with parked calls can be copied, stored or
 * shipped like any other.
 *
 * @param id the wait's id, unique in its host
 * @param owner who waits
 * @param request what it waits for, or {@code null}
 */
public record Parked(long id, Owner owner, Object request) implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	/**
	 * Returns the request, cast.
	 * @param <R> its type
	 * @return the request
	 */
	@SuppressWarnings("unchecked")
	public <R> R requested() {
		return (R) this.request;
	}

}
