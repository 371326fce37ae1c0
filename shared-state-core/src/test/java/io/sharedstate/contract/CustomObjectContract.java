package io.sharedstate.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.sharedstate.SharedState;
import io.sharedstate.api.SharedType;
import io.sharedstate.api.SharedTypeMismatchException;
import io.sharedstate.custom.CustomObject;
import io.sharedstate.custom.CustomType;
import io.sharedstate.custom.TestTypes;
import io.sharedstate.custom.TestTypes.GetSetter;
import io.sharedstate.custom.TestTypes.Matrix;
import io.sharedstate.custom.TestTypes.Parent;
import io.sharedstate.custom.TestTypes.SimpleGetSetter;
import io.sharedstate.custom.TestTypes.Tally;
import io.sharedstate.custom.TestTypes.Troublemaker;
import io.sharedstate.custom.TestTypes.TroublemakerImpl;
import io.sharedstate.dict.SharedDict;
import io.sharedstate.snapshot.LostUpdateException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The contract of custom shared objects ({@link SharedState#register} and
 * {@link SharedState#proxy}), like Python's {@code BaseManager.register}: one instance
 * per name on the hosting manager, method calls from any process run on it one at a time,
 * registered interfaces returned as live nested objects, clear errors, on every engine.
 */
public abstract class CustomObjectContract extends ContractSupport {

	@BeforeEach
	void registerTypes() {
		TestTypes.registerAll(host());
	}

	private <T> T proxy(String typeId, Class<T> sharedInterface) {
		return manager().proxy(typeId, uniqueName(), sharedInterface);
	}

	private <T> T peerProxy(String typeId, Class<T> sharedInterface) {
		return peer().proxy(typeId, uniqueName(), sharedInterface);
	}

	@Test
	void valueSetThroughOneProxyIsReadThroughAnother() {
		GetSetter parentView = proxy(TestTypes.GET_SETTER, GetSetter.class);
		GetSetter childView = peerProxy(TestTypes.GET_SETTER, GetSetter.class);

		childView.set(100);

		assertThat(parentView.get()).isEqualTo(100);
	}

	@Test
	void firstUseOfANameCreatesTheObjectWithTheFactoryAndLaterUsesFindIt() {
		AtomicInteger created = new AtomicInteger();
		String typeId = "Counted-" + uniqueName();
		host().register(typeId, GetSetter.class, () -> {
			created.incrementAndGet();
			return new SimpleGetSetter();
		});

		manager().proxy(typeId, uniqueName(), GetSetter.class).set(7);
		GetSetter again = peer().proxy(typeId, uniqueName(), GetSetter.class);

		assertThat(again.get()).isEqualTo(7);
		assertThat(created).hasValue(1);
	}

	@Test
	void proxyIsACustomObjectKnowingItsNameAndTypeId() {
		GetSetter value = proxy(TestTypes.GET_SETTER, GetSetter.class);

		assertThat(value).isInstanceOfSatisfying(CustomObject.class, (object) -> {
			assertThat(object.name()).isEqualTo(uniqueName());
			assertThat(object.type()).isEqualTo(SharedType.CUSTOM);
			assertThat(object.typeId()).isEqualTo(TestTypes.GET_SETTER);
			assertThat(object.sharedInterface()).isEqualTo(GetSetter.class);
		});
	}

	@Test
	void methodReturningARegisteredInterfaceReturnsALiveProxyToTheServerSideObject() {
		Parent parent = proxy(TestTypes.PARENT, Parent.class);
		Parent elsewhere = peerProxy(TestTypes.PARENT, Parent.class);

		elsewhere.set(100);
		elsewhere.child().set(100);

		assertThat(parent.get()).isEqualTo(100);
		assertThat(parent.child().get()).isEqualTo(100);
	}

	@Test
	void nestedInstanceIsOneSharedObjectNamedAfterItsParentAndMethod() {
		Parent parent = proxy(TestTypes.PARENT, Parent.class);

		GetSetter child = parent.child();

		assertThat(child).isEqualTo(parent.child());
		assertThat(child).isInstanceOfSatisfying(CustomObject.class, (object) -> {
			assertThat(object.name()).isEqualTo(uniqueName() + ".child");
			assertThat(object.typeId()).isEqualTo(TestTypes.GET_SETTER);
		});
		child.set(5);
		assertThat(peer().proxy(TestTypes.GET_SETTER, uniqueName() + ".child", GetSetter.class).get()).isEqualTo(5);
	}

	@Test
	void plainCollectionResultIsAReadOnlySnapshotSoAChangeCannotBeSilentlyLost() {
		Matrix matrix = proxy(TestTypes.MATRIX, Matrix.class);
		matrix.set(1, 2, 12);

		List<Integer> row = matrix.row(1);

		assertThat(row).hasSize(10).element(2).isEqualTo(12);
		assertThatExceptionOfType(LostUpdateException.class).isThrownBy(() -> row.set(2, 0));
	}

	@Test
	void arrayResultIsACopy() {
		Matrix matrix = proxy(TestTypes.MATRIX, Matrix.class);

		matrix.cells()[0][0] = 99;

		assertThat(matrix.get(0, 0)).isZero();
	}

	@Test
	void exceptionThrownByTheMethodIsRethrownWithTheServerSideStackTrace() {
		Troublemaker troublemaker = proxy(TestTypes.TROUBLEMAKER, Troublemaker.class);

		assertThatIllegalArgumentException().isThrownBy(() -> troublemaker.rejectArgument("no cell (12, 3)"))
			.withMessage("no cell (12, 3)")
			.satisfies((thrown) -> assertThat(framesOfItAndItsCauses(thrown))
				.contains(TroublemakerImpl.class.getName() + ".rejectArgument"));
		troublemaker.toString();
	}

	@Test
	void callsOnOneObjectRunOneAtATime() throws Exception {
		Tally tally = proxy(TestTypes.TALLY, Tally.class);
		Tally elsewhere = peerProxy(TestTypes.TALLY, Tally.class);

		inParallel(4, (thread) -> {
			Tally mine = (thread % 2 == 0) ? tally : elsewhere;
			for (int i = 0; i < 250; i++) {
				mine.increment();
			}
		});

		assertThat(tally.count()).isEqualTo(1000);
	}

	@Test
	void callsOnOneObjectWaitForEachOther() throws Exception {
		assertThat(meetings(TestTypes.TALLY)).containsExactlyInAnyOrder(false, true);
	}

	@Test
	void callsOnAnObjectOfAThreadSafeTypeRunConcurrently() throws Exception {
		assertThat(meetings(TestTypes.THREAD_SAFE_TALLY)).containsExactly(true, true);
	}

	/** Two calls from two managers that each wait until both have arrived. */
	private List<Boolean> meetings(String typeId) throws Exception {
		Tally tally = proxy(typeId, Tally.class);
		Tally elsewhere = peerProxy(typeId, Tally.class);
		ConcurrentHashMap<Integer, Boolean> met = new ConcurrentHashMap<>();
		inParallel(2, (thread) -> met.put(thread, ((thread == 0) ? tally : elsewhere).meet(2, 500)));
		return List.of(met.get(0), met.get(1));
	}

	@Test
	void defaultMethodOfTheInterfaceRunsOnTheInstance() {
		Tally tally = proxy(TestTypes.TWICE_ONLY_TALLY, Tally.class);

		tally.incrementTwice();

		assertThat(tally.count()).isEqualTo(2);
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(tally::increment);
	}

	@Test
	void unregisteredTypeIdIsRefusedNamingTheRegisteredOnes() {
		assertThatIllegalArgumentException().isThrownBy(() -> proxy("Unknown", GetSetter.class))
			.withMessageContaining("No custom type 'Unknown' is registered")
			.withMessageContaining(TestTypes.GET_SETTER)
			.withMessageContaining("manager.register(\"Unknown\", GetSetter.class, factory)");
	}

	@Test
	void methodTheTypeDoesNotExposeIsRefusedNamingTheExposedOnes() {
		Matrix matrix = proxy(TestTypes.READ_ONLY_MATRIX, Matrix.class);

		assertThat(matrix.rows()).isEqualTo(3);
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> matrix.set(0, 0, 1))
			.withMessageContaining("set(int,int,int)")
			.withMessageContaining("not exposed")
			.withMessageContaining("[get(int,int), rows()]");
		assertThat(matrix.get(0, 0)).isZero();
	}

	@Test
	void typeIdRegisteredAgainWithAnotherInterfaceIsRefused() {
		assertThatIllegalStateException()
			.isThrownBy(() -> host().register(TestTypes.GET_SETTER, Matrix.class, () -> null))
			.withMessageContaining("'GetSetter' is already registered with " + GetSetter.class.getName())
			.withMessageContaining(Matrix.class.getName());
	}

	@Test
	void typeIdUsedThroughAnotherInterfaceIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> proxy(TestTypes.GET_SETTER, Matrix.class))
			.withMessageContaining("registered with " + GetSetter.class.getName())
			.withMessageContaining("not " + Matrix.class.getName());
	}

	@Test
	void nameOfAnotherTypeIdIsRefusedNamingBothTypeIds() {
		proxy(TestTypes.MATRIX, Matrix.class);

		assertThatExceptionOfType(SharedTypeMismatchException.class)
			.isThrownBy(() -> peerProxy(TestTypes.READ_ONLY_MATRIX, Matrix.class))
			.withMessageContaining("already a shared 'Matrix' object")
			.withMessageContaining("cannot be used as a 'ReadOnlyMatrix' object");
	}

	@Test
	void nameOfABuiltInTypeIsRefusedBothWays() {
		proxy(TestTypes.MATRIX, Matrix.class);
		manager().dict(uniqueName() + "-dict");

		assertThatExceptionOfType(SharedTypeMismatchException.class).isThrownBy(() -> manager().dict(uniqueName()))
			.withMessageContaining("'Matrix' object")
			.withMessageContaining("dict");
		assertThatExceptionOfType(SharedTypeMismatchException.class)
			.isThrownBy(() -> manager().proxy(TestTypes.MATRIX, uniqueName() + "-dict", Matrix.class))
			.withMessageContaining("already a shared dict");
	}

	@Test
	void proxiesOfOneObjectAreEqualAndToStringRunsOnTheInstance() {
		Matrix matrix = proxy(TestTypes.MATRIX, Matrix.class);
		Matrix again = proxy(TestTypes.MATRIX, Matrix.class);
		Matrix other = manager().proxy(TestTypes.MATRIX, uniqueName() + "-other", Matrix.class);

		assertThat(again).isEqualTo(matrix).hasSameHashCodeAs(matrix).isNotEqualTo(other);
		assertThat(matrix).hasToString("Matrix 10x10");
	}

	@Test
	void customObjectStoredInADictIsALiveReference() {
		Matrix matrix = proxy(TestTypes.MATRIX, Matrix.class);
		SharedDict<String, Object> board = manager().dict(uniqueName() + "-board");
		board.put("matrix", matrix);

		Matrix read = (Matrix) peer().<String, Object>dict(uniqueName() + "-board").get("matrix");
		read.set(3, 4, 34);

		assertThat(matrix.get(3, 4)).isEqualTo(34);
		assertThat(read).isInstanceOfSatisfying(CustomObject.class,
				(object) -> assertThat(object.name()).isEqualTo(uniqueName()));
	}

	@Test
	void hostListsTheRegisteredTypesWithTheirInterfacesAndExposedMethods() {
		assertThat(host().registeredTypes()).extracting(CustomType::typeId)
			.contains(TestTypes.GET_SETTER, TestTypes.MATRIX, TestTypes.READ_ONLY_MATRIX);
		assertThat(host().registeredTypes()).filteredOn((type) -> type.typeId().equals(TestTypes.READ_ONLY_MATRIX))
			.singleElement()
			.satisfies((type) -> {
				assertThat(type.sharedInterface()).isEqualTo(Matrix.class);
				assertThat(type.exposedMethods()).containsExactly("get(int,int)", "rows()");
				assertThat(type.threadSafe()).isFalse();
			});
	}

	private static List<String> framesOfItAndItsCauses(Throwable thrown) {
		List<String> frames = new ArrayList<>();
		for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
			for (StackTraceElement frame : cause.getStackTrace()) {
				frames.add(frame.getClassName() + "." + frame.getMethodName());
			}
		}
		return frames;
	}

}
