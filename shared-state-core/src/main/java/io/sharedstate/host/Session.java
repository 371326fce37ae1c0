package io.sharedstate.host;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One client process as its host knows it: what it is, how many connections it has, and
 * the objects it touched that hold something for it (locks, permits, parked calls). It
 * ends when its last connection has been gone for the grace period; its host then
 * releases what it held in those objects only, however many objects the host has.
 */
public final class Session {

	private final long id;

	private final Set<HostedObject> touched = ConcurrentHashMap.newKeySet();

	private volatile String process;

	int contexts;

	Instant disconnectedAt;

	Session(long id, String process) {
		this.id = id;
		this.process = process;
	}

	/**
	 * Returns the session's id.
	 * @return the id
	 */
	public long id() {
		return this.id;
	}

	/**
	 * Returns the process the session belongs to.
	 * @return a description such as {@code worker-1 (pid 42 on host-a)}
	 */
	public String process() {
		return this.process;
	}

	void process(String process) {
		this.process = process;
	}

	void touch(HostedObject object) {
		this.touched.add(object);
	}

	Set<HostedObject> touched() {
		return this.touched;
	}

	@Override
	public String toString() {
		return "session " + Long.toHexString(this.id) + " (" + this.process + ")";
	}

}
