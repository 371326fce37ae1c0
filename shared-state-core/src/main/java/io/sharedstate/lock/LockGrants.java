package io.sharedstate.lock;

/**
 * How a lock grant travels: one number, the fence shifted left by one with the lowest bit
 * set when the previous holder died. A condition wait's awakening is the grant shifted
 * left once more, with the lowest bit set when it was signalled.
 */
final class LockGrants {

	private LockGrants() {
	}

	static long grant(long fence, boolean holderDied) {
		return (fence << 1) | (holderDied ? 1 : 0);
	}

	static long fenceOf(long grant) {
		return grant >>> 1;
	}

	static boolean holderDiedOf(long grant) {
		return (grant & 1) != 0;
	}

	static long awakening(long grant, boolean signalled) {
		return (grant << 1) | (signalled ? 1 : 0);
	}

	static long grantOf(long awakening) {
		return awakening >>> 1;
	}

	static boolean signalledOf(long awakening) {
		return (awakening & 1) != 0;
	}

}
