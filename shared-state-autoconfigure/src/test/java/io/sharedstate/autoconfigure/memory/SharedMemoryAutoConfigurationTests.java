package io.sharedstate.autoconfigure.memory;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.sharedstate.SharedState;
import io.sharedstate.autoconfigure.SharedStateAutoConfiguration;
import io.sharedstate.autoconfigure.actuate.SharedStateEndpoint;
import io.sharedstate.autoconfigure.actuate.SharedStateEndpointAutoConfiguration;
import io.sharedstate.spring.Inject.SharedMemoryBlock;
import io.sharedstate.memory.BlockInfo;
import io.sharedstate.memory.ShareableList;
import io.sharedstate.memory.SharedMemory;
import io.sharedstate.memory.TestBlocks;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SharedMemoryAutoConfiguration}: blocks declared by properties,
 * injected by name, and listed by the actuator endpoint.
 */
@ExtendWith(TestBlocks.class)
class SharedMemoryAutoConfigurationTests {

	private static final String DIRECTORY = "sharedstate.memory.directory";

	private final String name = TestBlocks.name("spring");

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(SharedStateAutoConfiguration.class, SharedMemoryAutoConfiguration.class));

	@AfterEach
	void removeTheBlock() {
		TestBlocks.remove(this.name);
	}

	@Test
	void runWithDeclaredBlockShouldCreateABeanOfItsNameAndRemoveItOnClose() {
		this.contextRunner.withPropertyValues("shared-state.memory.blocks." + this.name + ".size=4KB")
			.run((context) -> {
				SharedMemory block = context.getBean(this.name, SharedMemory.class);
				assertThat(block.size()).isEqualTo(4096);
				assertThat(block.isCreator()).isTrue();
				assertThat(context.getBean(SharedState.class).memory().blocks())
					.containsExactly(new BlockInfo(this.name, 4096, true, true));
			});
		assertThat(TestBlocks.exists(this.name)).isFalse();
	}

	@Test
	void runWhenDeclaredBlockExistsShouldAttachToItAndLeaveIt() {
		try (SharedMemory existing = SharedMemory.create(this.name, 8192)) {
			existing.putLong(0, 77);
			this.contextRunner.withPropertyValues("shared-state.memory.blocks." + this.name + ".size=4KB")
				.run((context) -> {
					SharedMemory block = context.getBean(this.name, SharedMemory.class);
					assertThat(block.isCreator()).isFalse();
					assertThat(block.size()).isEqualTo(8192);
					assertThat(block.getLong(0)).isEqualTo(77);
				});
			assertThat(existing.isLinked()).isTrue();
			existing.unlink();
		}
	}

	@Test
	void runWithBlockToAttachToThatDoesNotExistShouldFailNamingTheBlock() {
		this.contextRunner.withPropertyValues("shared-state.memory.blocks." + this.name + ".create=false")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("No shared memory block named '" + this.name + "'"));
	}

	@Test
	void runWithBlockToAttachToShouldAttachToTheExistingOne() {
		try (SharedMemory existing = SharedMemory.create(this.name, 16)) {
			this.contextRunner.withPropertyValues("shared-state.memory.blocks." + this.name + ".create=false")
				.run((context) -> assertThat(context.getBean(this.name, SharedMemory.class).size()).isEqualTo(16));
			assertThat(existing.isLinked()).isTrue();
			existing.unlink();
		}
	}

	@Test
	void runWithBlockToCreateWithoutSizeShouldFailSayingWhatToSet() {
		this.contextRunner.withPropertyValues("shared-state.memory.blocks." + this.name + ".create=true")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("set shared-state.memory.blocks." + this.name + ".size"));
	}

	@Test
	void runWithDeclaredBlockLargerThanTheExistingOneShouldFail() {
		try (SharedMemory existing = SharedMemory.create(this.name, 16)) {
			this.contextRunner.withPropertyValues("shared-state.memory.blocks." + this.name + ".size=1KB")
				.run((context) -> assertThat(context).hasFailed()
					.getFailure()
					.rootCause()
					.hasMessageContaining("exists with 16 bytes, fewer than the 1024 asked for"));
			existing.unlink();
		}
	}

	@Test
	void annotatedFieldsAndParametersShouldGetTheBlockOrTheListItHolds(@TempDir Path directory) {
		// Annotations name blocks with constants: a directory of this test's own keeps
		// them apart from other builds on the machine.
		System.setProperty(DIRECTORY, directory.toString());
		try (ShareableList list = ShareableList.create("jobs", List.of(5L, "five"))) {
			this.contextRunner.withUserConfiguration(Consumers.class).run((context) -> {
				Consumer consumer = context.getBean(Consumer.class);
				assertThat(consumer.list).containsExactly(5L, "five");
				assertThat(consumer.block.name()).isEqualTo("jobs");
				assertThat(consumer.block).isSameAs(context.getBean(SharedState.class).memory().open("jobs"));
			});
			assertThat(list.block().isLinked()).isTrue();
			list.block().unlink();
		}
		finally {
			System.clearProperty(DIRECTORY);
		}
	}

	@Test
	void annotatedFieldOfAnotherTypeShouldFailNamingTheTypesItTakes() {
		this.contextRunner.withUserConfiguration(WrongConsumers.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasMessageContaining("needs a SharedMemory, ShareableList, Array or Value, not a java.lang.String"));
	}

	@Test
	void endpointShouldListTheBlocksWithTheirSizesInTheirOwnSection() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(SharedStateEndpointAutoConfiguration.class))
			.withPropertyValues("management.endpoints.web.exposure.include=sharedstate",
					"shared-state.memory.blocks." + this.name + ".size=1MB")
			.run((context) -> {
				SharedStateEndpoint.ManagerDescriptor descriptor = context.getBean(SharedStateEndpoint.class).manager();
				assertThat(descriptor.memory()).containsExactly(new BlockInfo(this.name, 1 << 20, true, true));
				assertThat(descriptor.objects()).isEmpty();
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class Consumers {

		@Bean
		Consumer consumer(@SharedMemoryBlock("jobs") ShareableList list) {
			return new Consumer(list);
		}

	}

	static class Consumer {

		final ShareableList list;

		@SharedMemoryBlock("jobs")
		SharedMemory block;

		Consumer(ShareableList list) {
			this.list = list;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class WrongConsumers {

		@Bean
		WrongConsumer wrongConsumer() {
			return new WrongConsumer();
		}

	}

	static class WrongConsumer {

		@SharedMemoryBlock("jobs")
		String block;

	}

}
