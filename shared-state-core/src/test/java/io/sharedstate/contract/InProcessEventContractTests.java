package io.sharedstate.contract;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.sharedstate.SharedState;

/**
 * Runs the {@link SharedEventContract} against the in-process engine.
 */
class InProcessEventContractTests extends SharedEventContract {

	@RegisterExtension
	static final ManagerFixture fixture = ManagerFixture.inProcess();

	@Override
	protected SharedState manager() {
		return fixture.manager();
	}

	@Override
	protected SharedState peer() {
		return fixture.peer();
	}

}
