package io.sharedstate.pool;

/**
 * The names of the shared objects a pool is made of, all under {@code pool:<name>:}: the
 * queue its creator reads (workers' hellos and results), the lock its creator holds while
 * the pool lives, and per worker an inbox queue and, for a joined worker, the lock it
 * holds while it lives and the lock its creator holds to keep it.
 */
record PoolNames(String pool) {

	PoolNames {
		if (pool == null || pool.isBlank()) {
			throw new IllegalArgumentException("A pool needs a non-empty name");
		}
	}

	String owner() {
		return prefix() + "owner";
	}

	String ownerLock() {
		return prefix() + "owner-lock";
	}

	String inbox(String worker) {
		return prefix() + worker;
	}

	String alive(String worker) {
		return prefix() + worker + ":alive";
	}

	String leash(String worker) {
		return prefix() + worker + ":leash";
	}

	private String prefix() {
		return "pool:" + this.pool + ":";
	}

}
