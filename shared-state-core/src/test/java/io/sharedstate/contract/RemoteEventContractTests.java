package io.sharedstate.contract;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.sharedstate.SharedState;

/**
 * Runs the {@link SharedEventContract} against a manager server and its clients over
 * loopback.
 */
class RemoteEventContractTests extends SharedEventContract {

	@RegisterExtension
	static final ManagerFixture fixture = ManagerFixture.remote();

	@Override
	protected SharedState manager() {
		return fixture.manager();
	}

	@Override
	protected SharedState peer() {
		return fixture.peer();
	}

}
