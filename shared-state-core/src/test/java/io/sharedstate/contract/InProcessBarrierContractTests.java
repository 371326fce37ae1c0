package io.sharedstate.contract;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.sharedstate.SharedState;

/**
 * Runs the {@link SharedBarrierContract} against the in-process engine.
 */
class InProcessBarrierContractTests extends SharedBarrierContract {

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
