package io.sharedstate.contract;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.sharedstate.SharedState;

/**
 * Runs the {@link SharedSemaphoreContract} against the in-process engine.
 */
class InProcessSemaphoreContractTests extends SharedSemaphoreContract {

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
