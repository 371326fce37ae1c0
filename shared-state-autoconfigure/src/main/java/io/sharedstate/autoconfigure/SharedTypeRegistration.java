package io.sharedstate.autoconfigure;

import java.util.function.Supplier;

import io.sharedstate.SharedState;
import io.sharedstate.custom.TypeOptions;

/**
 * A custom shared type to register on the application's manager, declared as a bean:
 *
 * <pre>{@code
 * &#64;Bean
 * SharedTypeRegistration<Matrix> matrix() {
 *     return SharedTypeRegistration.of("Matrix", Matrix.class, ArrayMatrix::new);
 * }
 * }</pre>
 *
 * A server or embedded manager registers every such bean when it starts; a client ignores
 * them (types are registered where the objects live) and uses {@code @SharedCustom} or
 * {@link SharedState#proxy} to reach them.
 *
 * @param <T> the shared interface
 * @param typeId the type id
 * @param sharedInterface the interface callers use
 * @param factory creates each new object
 * @param options thread-safety and exposed methods
 */
public record SharedTypeRegistration<T>(String typeId, Class<T> sharedInterface, Supplier<? extends T> factory,
		TypeOptions options) {

	/**
	 * Declares a type with default options (calls on one object run one at a time; every
	 * method of the interface exposed).
	 * @param <T> the shared interface
	 * @param typeId the type id
	 * @param sharedInterface the interface
	 * @param factory creates each new object
	 * @return the registration
	 */
	public static <T> SharedTypeRegistration<T> of(String typeId, Class<T> sharedInterface,
			Supplier<? extends T> factory) {
		return new SharedTypeRegistration<>(typeId, sharedInterface, factory, TypeOptions.defaults());
	}

	void registerOn(SharedState manager) {
		manager.register(this.typeId, this.sharedInterface, this.factory, this.options);
	}

}
