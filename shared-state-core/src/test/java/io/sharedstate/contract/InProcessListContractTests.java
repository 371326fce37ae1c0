package io.sharedstate.contract;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.sharedstate.SharedState;

/**
 * Runs the {@link SharedListContract} against the in-process engine.
 */
class InProcessListContractTests extends SharedListContract {

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
