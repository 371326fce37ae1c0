package io.sharedstate.custom;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.sharedstate.SharedState;
import io.sharedstate.custom.TestTypes.ArrayMatrix;
import io.sharedstate.custom.TestTypes.GetSetter;
import io.sharedstate.custom.TestTypes.Matrix;
import io.sharedstate.custom.TestTypes.SimpleGetSetter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * What a registration accepts and refuses, before any object exists.
 */
class CustomTypeTests {

	@Test
	void everyMethodOfTheInterfaceAndItsSuperInterfacesIsExposedByDefault() {
		CustomType<TestTypes.Parent> type = CustomType.of("Parent", TestTypes.Parent.class, TestTypes.ParentImpl::new,
				TypeOptions.defaults());

		assertThat(type.exposedMethods()).containsExactly("child()", "get()", "set(java.lang.Integer)");
		assertThat(type.threadSafe()).isFalse();
	}

	@Test
	void exposedNamesSelectEveryOverloadOfThoseMethods() {
		CustomType<Overloaded> type = CustomType.of("Overloaded", Overloaded.class, () -> null,
				TypeOptions.defaults().withExposed("put"));

		assertThat(type.exposedMethods()).containsExactly("put(int)", "put(java.lang.String)");
	}

	@Test
	void exposingAMethodTheInterfaceLacksIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CustomType.of("Matrix", Matrix.class, () -> new ArrayMatrix(1, 1),
					TypeOptions.defaults().withExposed("get", "clear")))
			.withMessageContaining("cannot expose [clear]")
			.withMessageContaining(Matrix.class.getName());
	}

	@Test
	void classInsteadOfInterfaceIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> CustomType.of("Simple", SimpleGetSetter.class, SimpleGetSetter::new, TypeOptions.defaults()))
			.withMessageContaining(SimpleGetSetter.class.getName() + " is a class")
			.withMessageContaining("interface");
	}

	@Test
	void interfaceDeclaringAMethodEveryProxyAnswersItselfIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CustomType.of("Person", Person.class, () -> () -> "Ada", TypeOptions.defaults()))
			.withMessageContaining("declares name()")
			.withMessageContaining("rename the method");
	}

	@Test
	void emptyTypeIdIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CustomType.of("", GetSetter.class, SimpleGetSetter::new, TypeOptions.defaults()))
			.withMessageContaining("type id");
	}

	@Test
	void factoryReturningNullFailsNamingTheType() {
		CustomType<GetSetter> type = CustomType.of("Broken", GetSetter.class, () -> null, TypeOptions.defaults());

		assertThatIllegalStateException().isThrownBy(type::create)
			.withMessageContaining("factory of custom type 'Broken' returned null");
	}

	@Test
	void typeIdRegisteredAgainWithTheSameInterfaceReplacesItsFactoryAndOptions() {
		CustomTypes types = new CustomTypes();
		types.register(CustomType.of("Value", GetSetter.class, SimpleGetSetter::new, TypeOptions.defaults()));
		types.register(CustomType.of("Value", GetSetter.class, SimpleGetSetter::new,
				TypeOptions.defaults().withThreadSafe(true)));

		assertThat(types.types()).singleElement().satisfies((type) -> assertThat(type.threadSafe()).isTrue());
	}

	@Test
	void interfaceRegisteredUnderTwoTypeIdsNestsAsTheFirstOne() {
		CustomTypes types = new CustomTypes();
		types.register(CustomType.of("B", GetSetter.class, SimpleGetSetter::new, TypeOptions.defaults()));
		types.register(CustomType.of("A", GetSetter.class, SimpleGetSetter::new, TypeOptions.defaults()));

		assertThat(types.forReturnType(GetSetter.class).typeId()).isEqualTo("B");
		assertThat(types.types()).extracting(CustomType::typeId).containsExactly("A", "B");
	}

	@Test
	void packagePrivateInterfaceWorksInProcess() {
		try (SharedState manager = SharedState.inProcess()) {
			manager.register("Overloaded", Overloaded.class, OverloadedImpl::new);
			Overloaded overloaded = manager.proxy("Overloaded", "o", Overloaded.class);

			overloaded.put(1);
			overloaded.put("two");

			assertThat(overloaded.all()).containsExactly("1", "two");
		}
	}

	interface Overloaded {

		void put(int value);

		void put(String value);

		List<String> all();

	}

	static final class OverloadedImpl implements Overloaded {

		private final List<String> values = new java.util.ArrayList<>();

		@Override
		public void put(int value) {
			this.values.add(Integer.toString(value));
		}

		@Override
		public void put(String value) {
			this.values.add(value);
		}

		@Override
		public List<String> all() {
			return this.values;
		}

	}

	interface Person {

		String name();

	}

}
