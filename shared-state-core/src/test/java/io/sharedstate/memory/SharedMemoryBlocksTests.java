package io.sharedstate.memory;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.sharedstate.SharedState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link SharedMemoryBlocks}, the blocks a manager knows.
 */
@ExtendWith(TestBlocks.class)
class SharedMemoryBlocksTests {

	private final String name = TestBlocks.name("known");

	@AfterEach
	void removeTheBlock() {
		TestBlocks.remove(this.name);
	}

	@Test
	void managerUnlinksTheBlocksItCreatedAndClosesTheOnesItAttachedTo() {
		String foreign = TestBlocks.name("foreign");
		try (SharedMemory other = SharedMemory.create(foreign, 8)) {
			SharedMemory created;
			SharedMemory attached;
			try (SharedState manager = SharedState.inProcess()) {
				created = manager.memory().create(this.name, 100);
				attached = manager.memory().attach(foreign);
				assertThat(manager.memory().blocks()).containsExactly(new BlockInfo(this.name, 100, true, true),
						new BlockInfo(foreign, 8, false, true));
			}
			assertThat(TestBlocks.exists(this.name)).isFalse();
			assertThat(created.isClosed()).isTrue();
			assertThat(attached.isClosed()).isTrue();
			assertThat(TestBlocks.exists(foreign)).isTrue();
			other.unlink();
		}
	}

	@Test
	void attachAndOpenReturnTheBlockTheManagerHasOpen() {
		try (SharedMemoryBlocks blocks = new SharedMemoryBlocks()) {
			SharedMemory created = blocks.create(this.name, 8);
			assertThat(blocks.attach(this.name)).isSameAs(created);
			assertThat(blocks.open(this.name)).isSameAs(created);
			created.close();
			SharedMemory again = blocks.attach(this.name);
			assertThat(again).isNotSameAs(created);
			assertThat(blocks.blocks()).extracting(BlockInfo::name).containsExactly(this.name);
		}
		assertThat(TestBlocks.exists(this.name)).isFalse();
	}

	@Test
	void declaredBlockIsCreatedOnFirstOpenOrAttachedWhenItExists() {
		try (SharedMemoryBlocks first = new SharedMemoryBlocks();
				SharedMemoryBlocks second = new SharedMemoryBlocks()) {
			first.declare(this.name, 64);
			second.declare(this.name, 64);
			SharedMemory created = first.open(this.name);
			SharedMemory attached = second.open(this.name);
			assertThat(created.isCreator()).isTrue();
			assertThat(attached.isCreator()).isFalse();
			created.putLong(0, 3);
			assertThat(attached.getLong(0)).isEqualTo(3);
		}
		assertThat(TestBlocks.exists(this.name)).isFalse();
	}

	@Test
	void openOfAnUndeclaredMissingBlockSaysItIsMissing() {
		try (SharedMemoryBlocks blocks = new SharedMemoryBlocks()) {
			assertThatExceptionOfType(BlockNotFoundException.class).isThrownBy(() -> blocks.open(this.name))
				.withMessageContaining("'" + this.name + "'");
		}
	}

	@Test
	void blocksShowWhenSomeoneElseUnlinkedOneAndClosingSaysSoWithoutFailing() {
		SharedMemoryBlocks blocks = new SharedMemoryBlocks();
		blocks.create(this.name, 8);
		TestBlocks.remove(this.name);
		assertThat(blocks.blocks()).containsExactly(new BlockInfo(this.name, 8, true, false));
		blocks.close();
		assertThat(blocks.blocks()).isEmpty();
	}

	@Test
	void blockUnlinkedByItsUserIsNotUnlinkedAgain() {
		SharedMemoryBlocks blocks = new SharedMemoryBlocks();
		SharedMemory block = blocks.create(this.name, 8);
		block.unlink();
		block.close();
		try (SharedMemory successor = SharedMemory.create(this.name, 8)) {
			blocks.close();
			assertThat(successor.isLinked()).isTrue();
			successor.unlink();
		}
	}

	@Test
	void closedManagerRefusesNewBlocksAndLeavesNoneBehind() {
		SharedMemoryBlocks blocks = new SharedMemoryBlocks();
		blocks.close();
		assertThatIllegalStateException().isThrownBy(() -> blocks.create(this.name, 8))
			.withMessageContaining("manager is closed");
		assertThat(TestBlocks.exists(this.name)).isFalse();
	}

	@Test
	void listsAndArraysLiveInBlocksTheManagerMade() {
		List<Object> items = List.of(1L, "two");
		try (SharedState manager = SharedState.inProcess()) {
			ShareableList list = ShareableList
				.create(manager.memory().create(this.name, ShareableList.requiredSize(items)), items);
			assertThat(list).containsExactly(1L, "two");
			assertThat(manager.memory().blocks()).extracting(BlockInfo::size)
				.containsExactly(ShareableList.requiredSize(items));
		}
		assertThat(TestBlocks.exists(this.name)).isFalse();
	}

}
