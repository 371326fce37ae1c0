package io.sharedstate.memory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.extension.ExtendWith;

import io.sharedstate.process.ChildJvm;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shared memory across real JVMs: atomic increments and locked updates that race in
 * several child JVMs end exact, and a lock holder killed with SIGKILL does not block the
 * others.
 */
@ExtendWith(TestBlocks.class)
@Timeout(value = 180, threadMode = ThreadMode.SEPARATE_THREAD)
class SharedMemoryAcrossProcessesTests {

	private static final Duration LINE_TIMEOUT = Duration.ofSeconds(30);

	private static final Duration CHILD_TIMEOUT = Duration.ofSeconds(90);

	private final List<ChildJvm> children = new ArrayList<>();

	private final List<String> blocks = new ArrayList<>();

	@AfterEach
	void cleanUp() {
		this.children.forEach(ChildJvm::close);
		this.blocks.forEach(TestBlocks::remove);
	}

	@Test
	void rawAtomicIncrementsFromTwoJvmsEndExact() {
		RawValue counter = RawValue.create(block("counter"), 'q');
		RawValue gate = RawValue.create(block("gate"), 'q');
		int each = 200_000;
		start(MemoryChildMains.RawIncrements.class, counter.block().name(), gate.block().name(), each);
		start(MemoryChildMains.RawIncrements.class, counter.block().name(), gate.block().name(), each);
		openGate(gate);
		awaitAll();
		assertThat(counter.get()).isEqualTo(2L * each);
	}

	@Test
	void synchronizedArrayUpdatedByThreeJvmsEndsExact() {
		Array array = Array.create(block("array"), 'q', 4);
		RawValue gate = RawValue.create(block("gate"), 'q');
		int each = 3_000;
		for (int i = 0; i < 3; i++) {
			start(MemoryChildMains.LockedArrayIncrements.class, array.block().name(), gate.block().name(), each);
		}
		openGate(gate);
		awaitAll();
		assertThat(array.toLongArray()).containsOnly(3L * each);
		assertThat(((MemoryLock) array.getLock()).isLocked()).isFalse();
	}

	@Test
	void lockHolderKilledWithSigkillDoesNotBlockTheOthers() {
		MemoryLock lock = MemoryLock.create(block("lock"));
		ChildJvm holder = start(MemoryChildMains.HoldLock.class, lock.block().name());
		holder.awaitLine("LOCKED", LINE_TIMEOUT);
		assertThat(lock.holderPid()).hasValue(holder.pid());
		ChildJvm waiter = start(MemoryChildMains.WaitForLock.class, lock.block().name());
		waiter.awaitLine("WAITING", LINE_TIMEOUT);
		holder.kill();
		ChildJvm.Result result = waiter.await(CHILD_TIMEOUT).assertSuccess();
		assertThat(result.value("acquired")).isEqualTo("true");
		assertThat(result.value("holderDied")).isEqualTo("true");
		assertThat(lock.tryLock()).isTrue();
		assertThat(lock.holderDied()).isFalse();
		lock.unlock();
	}

	private String block(String label) {
		String name = TestBlocks.name(label);
		this.blocks.add(name);
		return name;
	}

	private ChildJvm start(Class<?> main, Object... args) {
		String[] text = new String[args.length];
		for (int i = 0; i < args.length; i++) {
			text[i] = String.valueOf(args[i]);
		}
		ChildJvm child = ChildJvm.start(main, Map.of(), text);
		this.children.add(child);
		return child;
	}

	private void openGate(RawValue gate) {
		this.children.forEach((child) -> child.awaitLine("READY", LINE_TIMEOUT));
		gate.set(1);
	}

	private void awaitAll() {
		this.children.forEach((child) -> child.await(CHILD_TIMEOUT).assertSuccess());
	}

}
