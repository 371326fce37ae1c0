package com.example.orders;

/**
 * The docs/spring.md example's value class, in the package that both applications of the
 * example have on their classpath (a jar they share) and allow.
 *
 * @param id the order's id
 * @param quantity how many items
 */
public record Order(String id, int quantity) {

	/**
	 * Combines two orders of one id, as {@code merge} does on the server.
	 * @param other the order placed later
	 * @return the order with both quantities
	 */
	public Order combine(Order other) {
		return new Order(this.id, this.quantity + other.quantity);
	}

}
