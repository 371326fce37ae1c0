package io.sharedstate.codec.allowed;

/**
 * A value of an allowed package whose public method a function refers to.
 *
 * @param cents the amount
 */
public record Price(long cents) {

	public Price plus(Price other) {
		return new Price(this.cents + other.cents);
	}

}
