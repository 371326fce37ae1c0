package io.sharedstate.autoconfigure.diagnostics;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

import io.sharedstate.api.SharedStateUnavailableException;

/**
 * Explains a client's manager server not answering while the application starts: with
 * {@code shared-state.client.fail-fast=true}, or because a bean used a shared object
 * before the server was up.
 */
public class ServerUnavailableFailureAnalyzer extends AbstractFailureAnalyzer<SharedStateUnavailableException> {

	private final Environment environment;

	/**
	 * Creates the analyzer; Spring Boot passes the application's environment.
	 * @param environment the environment
	 */
	public ServerUnavailableFailureAnalyzer(Environment environment) {
		this.environment = environment;
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, SharedStateUnavailableException cause) {
		String address = this.environment.getProperty("shared-state.address");
		boolean failFast = this.environment.getProperty("shared-state.client.fail-fast", Boolean.class, false);
		if (failFast) {
			return new FailureAnalysis(
					"The manager server did not answer while the application started, and "
							+ "shared-state.client.fail-fast is true:\n\n    " + cause.getMessage(),
					"Start the manager server first, or set shared-state.address to the host:port it listens on "
							+ "(now '" + address + "'). To start without the server and connect once it is up, "
							+ "set shared-state.client.fail-fast=false.",
					cause);
		}
		return new FailureAnalysis(
				"A bean used a shared object while the application started, before its manager server answered:\n\n    "
						+ cause.getMessage(),
				"Start the manager server first, or set shared-state.address to the host:port it listens on (now '"
						+ address + "'). A client application starts without its server, but its calls fail until "
						+ "the server answers: use shared objects once the application has started, for example "
						+ "from an ApplicationRunner.",
				cause);
	}

}
