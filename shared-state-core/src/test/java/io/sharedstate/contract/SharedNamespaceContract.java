package io.sharedstate.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.sharedstate.api.SharedType;
import io.sharedstate.api.SharedTypeMismatchException;
import io.sharedstate.list.SharedList;
import io.sharedstate.namespace.SharedNamespace;
import io.sharedstate.snapshot.LostUpdateException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * The contract of {@link SharedNamespace}: named attributes, never {@code null}, each
 * call atomic, on every engine.
 */
public abstract class SharedNamespaceContract extends ContractSupport {

	/** A record attribute. */
	record Settings(String mode, int level) {

	}

	private SharedNamespace namespace() {
		return manager().namespace(uniqueName());
	}

	private SharedNamespace peerNamespace() {
		return peer().namespace(uniqueName());
	}

	@Test
	void knowsItsNameAndType() {
		SharedNamespace namespace = namespace();
		assertThat(namespace.name()).isEqualTo(uniqueName());
		assertThat(namespace.type()).isEqualTo(SharedType.NAMESPACE);
	}

	@Test
	void nameOfAnotherTypeIsRefusedNamingBothTypes() {
		namespace();
		assertThatExceptionOfType(SharedTypeMismatchException.class).isThrownBy(() -> manager().value(uniqueName(), 0))
			.withMessageContaining("namespace")
			.withMessageContaining("value");
	}

	@Test
	void unsetAttributeIsNullAndAbsent() {
		SharedNamespace namespace = namespace();
		assertThat(namespace.<Object>get("missing")).isNull();
		assertThat(namespace.has("missing")).isFalse();
		assertThat(namespace.attributes()).isEmpty();
	}

	@Test
	void setAttributeIsReadBackAndSeenByAnotherProcess() {
		SharedNamespace namespace = namespace();
		namespace.set("count", 3);
		namespace.set("label", "x");
		assertThat(namespace.<Integer>get("count")).isEqualTo(3);
		SharedNamespace seen = peerNamespace();
		assertThat(seen.<String>get("label")).isEqualTo("x");
		assertThat(seen.has("count")).isTrue();
	}

	@Test
	void setReplacesTheValue() {
		SharedNamespace namespace = namespace();
		namespace.set("a", 1);
		namespace.set("a", "one");
		assertThat(namespace.<String>get("a")).isEqualTo("one");
		assertThat(namespace.attributes()).containsOnlyKeys("a");
	}

	@Test
	void deleteRemovesAndReportsWhetherItWasSet() {
		SharedNamespace namespace = namespace();
		namespace.set("a", 1);
		assertThat(namespace.delete("a")).isTrue();
		assertThat(namespace.delete("a")).isFalse();
		assertThat(namespace.has("a")).isFalse();
		assertThat(peerNamespace().<Object>get("a")).isNull();
	}

	@Test
	void nullValuesAreRefused() {
		SharedNamespace namespace = namespace();
		namespace.set("a", 1);
		assertThatNullPointerException().isThrownBy(() -> namespace.set("a", null)).withMessageContaining("delete");
		assertThat(namespace.<Integer>get("a")).isEqualTo(1);
	}

	@Test
	void nullAttributeNamesAreRefused() {
		SharedNamespace namespace = namespace();
		assertThatNullPointerException().isThrownBy(() -> namespace.set(null, 1));
		assertThatNullPointerException().isThrownBy(() -> namespace.get(null));
		assertThatNullPointerException().isThrownBy(() -> namespace.has(null));
		assertThatNullPointerException().isThrownBy(() -> namespace.delete(null));
		assertThatNullPointerException().isThrownBy(() -> namespace.compute(null, (k, v) -> 1));
		assertThat(namespace.attributes()).isEmpty();
	}

	@Test
	void computeSeesNullForAnUnsetAttribute() {
		SharedNamespace namespace = namespace();
		assertThat(namespace.<String>compute("a", (name, v) -> (v == null) ? "new " + name : "old")).isEqualTo("new a");
		assertThat(namespace.<String>get("a")).isEqualTo("new a");
	}

	@Test
	void computeStoresTheResult() {
		SharedNamespace namespace = namespace();
		namespace.set("n", 1L);
		assertThat(namespace.<Long>compute("n", (name, v) -> v + 1)).isEqualTo(2L);
		assertThat(peerNamespace().<Long>get("n")).isEqualTo(2L);
	}

	@Test
	void computeReturningNullDeletesTheAttribute() {
		SharedNamespace namespace = namespace();
		namespace.set("a", 1);
		assertThat(namespace.<Integer>compute("a", (name, v) -> null)).isNull();
		assertThat(namespace.has("a")).isFalse();
		assertThat(namespace.<Integer>compute("b", (name, v) -> null)).isNull();
		assertThat(namespace.has("b")).isFalse();
	}

	@Test
	void computeWithANullFunctionIsRefused() {
		SharedNamespace namespace = namespace();
		assertThatNullPointerException().isThrownBy(() -> namespace.compute("a", null));
	}

	@Test
	void computeThatThrowsLeavesTheAttributeUnchanged() {
		SharedNamespace namespace = namespace();
		namespace.set("a", 1);
		assertThatIllegalStateException().isThrownBy(() -> namespace.<Integer>compute("a", (name, v) -> {
			throw new IllegalStateException("boom");
		})).withMessageContaining("boom");
		assertThat(namespace.<Integer>get("a")).isEqualTo(1);
	}

	@Test
	void computeFromFourThreadsIsAtomic() throws Exception {
		SharedNamespace namespace = namespace();
		inParallel(4, (thread) -> {
			SharedNamespace own = (thread % 2 == 0) ? namespace : peerNamespace();
			for (int i = 0; i < 250; i++) {
				own.<Long>compute("n", (name, v) -> (v == null) ? 1L : v + 1);
			}
		});
		assertThat(namespace.<Long>get("n")).isEqualTo(1000L);
	}

	@Test
	void attributesIsAnUnmodifiableSnapshot() {
		SharedNamespace namespace = namespace();
		namespace.set("a", 1);
		namespace.set("b", "two");
		Map<String, Object> attributes = namespace.attributes();
		assertThat(attributes).isEqualTo(Map.of("a", 1, "b", "two"));
		namespace.set("c", 3);
		assertThat(attributes).containsOnlyKeys("a", "b");
		assertThatExceptionOfType(LostUpdateException.class).isThrownBy(() -> attributes.put("d", 4))
			.withMessageContaining("lost");
	}

	@Test
	void plainCollectionAttributeReadBackRefusesMutationAsALostUpdate() {
		SharedNamespace namespace = namespace();
		List<Integer> original = new ArrayList<>(List.of(1));
		namespace.set("xs", original);
		original.add(2);
		List<Integer> read = namespace.get("xs");
		assertThat(read).containsExactly(1);
		assertThatExceptionOfType(LostUpdateException.class).isThrownBy(() -> read.add(3))
			.withMessageContaining("lost");
	}

	@Test
	void recordAttributeIsReadBackEqual() {
		SharedNamespace namespace = namespace();
		namespace.set("settings", new Settings("fast", 2));
		assertThat(peerNamespace().<Settings>get("settings")).isEqualTo(new Settings("fast", 2));
	}

	@Test
	void sharedObjectAttributeIsReadBackLive() {
		SharedNamespace namespace = namespace();
		SharedList<String> list = manager().list(uniqueName() + ".list");
		namespace.set("list", list);
		SharedList<String> read = peerNamespace().get("list");
		read.add("x");
		assertThat(list).containsExactly("x");
	}

}
