package io.sharedstate.custom;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.sharedstate.SharedState;
import io.sharedstate.custom.TestTypes.GetSetter;
import io.sharedstate.custom.TestTypes.Troublemaker;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What is particular to custom objects of an in-process manager, where calls involve no
 * copies and no wire.
 */
class InProcessCustomObjectTests {

	private final SharedState manager = SharedState.inProcess();

	@AfterEach
	void close() {
		this.manager.close();
	}

	@Test
	void exceptionThrownByTheMethodIsTheOneTheMethodThrew() {
		TestTypes.registerAll(this.manager);
		Troublemaker troublemaker = this.manager.proxy(TestTypes.TROUBLEMAKER, "t", Troublemaker.class);

		assertThatExceptionOfType(TestTypes.TroubleException.class)
			.isThrownBy(() -> troublemaker.raiseOwnException("own"))
			.withMessage("own");
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> troublemaker.raiseChecked("checked"))
			.withMessage("checked");
	}

	@Test
	void objectOfAnInProcessManagerCannotTravel() {
		TestTypes.registerAll(this.manager);
		GetSetter value = this.manager.proxy(TestTypes.GET_SETTER, "v", GetSetter.class);

		assertThatExceptionOfType(NotSerializableException.class)
			.isThrownBy(() -> new ObjectOutputStream(new ByteArrayOutputStream()).writeObject(value))
			.withMessageContaining("in-process manager");
	}

}
