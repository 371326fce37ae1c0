package io.sharedstate.autoconfigure.diagnostics;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

import io.sharedstate.api.SharedStateAuthenticationException;

/**
 * Explains a manager server refusing this application's authkey, or an address where no
 * manager server listens but something else does.
 */
public class AuthenticationFailureAnalyzer extends AbstractFailureAnalyzer<SharedStateAuthenticationException> {

	private final Environment environment;

	/**
	 * Creates the analyzer; Spring Boot passes the application's environment.
	 * @param environment the environment
	 */
	public AuthenticationFailureAnalyzer(Environment environment) {
		this.environment = environment;
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, SharedStateAuthenticationException cause) {
		String address = this.environment.getProperty("shared-state.address");
		return new FailureAnalysis(
				"The manager server did not accept this application's authkey:\n\n    " + cause.getMessage(),
				"Set shared-state.authkey to the secret that the manager server uses: a server and all of its "
						+ "clients share one authkey. If what listens at shared-state.address (now '" + address
						+ "') is not a shared-state manager server, correct the address.",
				cause);
	}

}
