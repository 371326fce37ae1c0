package io.sharedstate.codec.canary;

/**
 * A class decoding must never touch: in a package no test codec allows, final (so Kryo
 * writes no class name for a field of this type), and every method decoding could call
 * records that it ran.
 */
public final class Canary implements Comparable<Canary> {

	static {
		CanaryLog.record("Canary.<clinit>");
	}

	private String name = "canary";

	public Canary() {
		CanaryLog.record("Canary.<init>");
	}

	@Override
	public int hashCode() {
		CanaryLog.record("Canary.hashCode");
		return this.name.hashCode();
	}

	@Override
	public boolean equals(Object other) {
		CanaryLog.record("Canary.equals");
		return other instanceof Canary canary && canary.name.equals(this.name);
	}

	@Override
	public int compareTo(Canary other) {
		CanaryLog.record("Canary.compareTo");
		return this.name.compareTo(other.name);
	}

}
