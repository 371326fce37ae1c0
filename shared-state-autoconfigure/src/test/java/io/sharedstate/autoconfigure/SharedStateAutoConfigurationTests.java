package io.sharedstate.autoconfigure;

import java.io.DataInputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Lock;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.sharedstate.SharedState;
import io.sharedstate.api.SharedStateUnavailableException;
import io.sharedstate.api.SharedType;
import io.sharedstate.barrier.SharedBarrier;
import io.sharedstate.event.SharedEvent;
import io.sharedstate.spring.Inject.SharedDict;
import io.sharedstate.inspect.ClientInfo;
import io.sharedstate.lock.SharedLock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;
import io.sharedstate.api.ManagerMode;

/**
 * Tests for {@link SharedStateAutoConfiguration}: the manager of each mode, the back-off,
 * the configuration errors, and the objects declared as beans.
 */
class SharedStateAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SharedStateAutoConfiguration.class));

	@Test
	void runWithoutModeShouldCreateAnEmbeddedManager() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(SharedState.class);
			SharedState manager = context.getBean(SharedState.class);
			assertThat(manager.mode()).isEqualTo(ManagerMode.IN_PROCESS);
			assertThat(manager.address()).isNull();
		});
	}

	@Test
	void runInServerModeWithAuthkeyShouldListenOnAFreeLoopbackPortAndShowIt() {
		this.contextRunner.withPropertyValues("shared-state.mode=server", "shared-state.authkey=" + TestServers.AUTHKEY)
			.run((context) -> {
				SharedState manager = context.getBean(SharedState.class);
				assertThat(manager.mode()).isEqualTo(ManagerMode.SERVER);
				InetSocketAddress address = manager.inspector().address();
				assertThat(address.getAddress().isLoopbackAddress()).isTrue();
				assertThat(address.getPort()).isPositive();
				try (SharedState client = SharedState.connect(address, TestServers.AUTHKEY)) {
					client.dict("greetings").put("from", "client");
				}
				assertThat(manager.dict("greetings")).containsEntry("from", "client");
			});
	}

	@Test
	void runInServerModeWithAddressShouldListenOnThatPort() {
		int port = TestServers.freePort();
		this.contextRunner
			.withPropertyValues("shared-state.mode=server", "shared-state.authkey=" + TestServers.AUTHKEY,
					"shared-state.address=127.0.0.1:" + port)
			.run((context) -> assertThat(context.getBean(SharedState.class).address().getPort()).isEqualTo(port));
	}

	@Test
	void runInServerModeWithoutPythonAddressShouldAcceptNoPythonClients() {
		this.contextRunner.withPropertyValues("shared-state.mode=server", "shared-state.authkey=" + TestServers.AUTHKEY)
			.run((context) -> assertThat(context.getBean(SharedState.class).pythonAddress()).isNull());
	}

	@Test
	void runInServerModeWithPythonAddressShouldListenForPythonClientsThere() {
		this.contextRunner
			.withPropertyValues("shared-state.mode=server", "shared-state.authkey=" + TestServers.AUTHKEY,
					"shared-state.server.python-address=127.0.0.1:0")
			.run((context) -> {
				InetSocketAddress python = context.getBean(SharedState.class).pythonAddress();
				assertThat(python.getPort()).isPositive();
				try (Socket socket = new Socket(python.getAddress(), python.getPort())) {
					socket.setSoTimeout(10_000);
					byte[] challenge = new byte[4 + 11];
					new DataInputStream(socket.getInputStream()).readFully(challenge);
					assertThat(new String(challenge, 4, 11, StandardCharsets.US_ASCII)).isEqualTo("#CHALLENGE#");
				}
			});
	}

	@Test
	void runInServerModeWithAMalformedPythonAddressShouldFailNamingTheProperty() {
		this.contextRunner
			.withPropertyValues("shared-state.mode=server", "shared-state.authkey=" + TestServers.AUTHKEY,
					"shared-state.server.python-address=nowhere")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("shared-state.server.python-address must be host:port"));
	}

	@Test
	void closingTheContextInServerModeShouldStopTheServer() {
		AtomicReference<InetSocketAddress> address = new AtomicReference<>();
		this.contextRunner.withPropertyValues("shared-state.mode=server", "shared-state.authkey=" + TestServers.AUTHKEY)
			.run((context) -> address.set(context.getBean(SharedState.class).address()));
		assertThatExceptionOfType(SharedStateUnavailableException.class)
			.isThrownBy(() -> SharedState.connect(address.get(), TestServers.AUTHKEY).close());
	}

	@Test
	void runInClientModeShouldUseTheServersObjects() {
		try (SharedState server = TestServers.start()) {
			this.contextRunner.withPropertyValues(TestServers.clientOf(server)).run((context) -> {
				SharedState manager = context.getBean(SharedState.class);
				assertThat(manager.mode()).isEqualTo(ManagerMode.CLIENT);
				assertThat(manager.isConnected()).isTrue();
				manager.dict("greetings").put("from", "client");
				assertThat(server.dict("greetings")).containsEntry("from", "client");
			});
		}
	}

	@Test
	void runInClientModeShouldShowTheApplicationNameToTheServer() {
		try (SharedState server = TestServers.start()) {
			this.contextRunner.withPropertyValues(TestServers.clientOf(server))
				.withPropertyValues("spring.application.name=billing")
				.run((context) -> assertThat(server.inspector().clients()).extracting(ClientInfo::name)
					.containsExactly("billing"));
		}
	}

	@Test
	void runInClientModeWithoutFailFastWhenNoServerListensShouldStartAndConnectOnceOneDoes() {
		int port = TestServers.freePort();
		this.contextRunner
			.withPropertyValues("shared-state.mode=client", "shared-state.address=127.0.0.1:" + port,
					"shared-state.authkey=" + TestServers.AUTHKEY)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				SharedState manager = context.getBean(SharedState.class);
				assertThat(manager.isConnected()).isFalse();
				try (SharedState server = TestServers.start(port)) {
					await().atMost(Duration.ofSeconds(10)).until(manager::isConnected);
					manager.counter("visits").incrementAndGet();
					assertThat(server.counter("visits").get()).isOne();
				}
			});
	}

	@Test
	void runInClientModeWithoutFailFastWhenNoServerListensShouldStartWithDeclaredAndInjectedObjects() {
		int port = TestServers.freePort();
		this.contextRunner
			.withPropertyValues("shared-state.mode=client", "shared-state.address=127.0.0.1:" + port,
					"shared-state.authkey=" + TestServers.AUTHKEY, "shared-state.locks=orders",
					"shared-state.barriers.startup.parties=2")
			.withBean(LockUser.class)
			.withBean(DictUser.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				try (SharedState server = TestServers.start(port)) {
					SharedState manager = context.getBean(SharedState.class);
					await().atMost(Duration.ofSeconds(10)).until(manager::isConnected);
					context.getBean(DictUser.class).greetings.put("from", "client");
					assertThat(server.dict("greetings")).containsEntry("from", "client");
					assertThat(context.getBean(LockUser.class).orders.tryLock()).isTrue();
					assertThat(server.lock("orders").isLocked()).isTrue();
					assertThat(context.getBean("startup", SharedBarrier.class).parties()).isEqualTo(2);
				}
			});
	}

	@Test
	void runInClientModeWithFailFastWhenNoServerListensShouldFailToStart() {
		int port = TestServers.freePort();
		this.contextRunner
			.withPropertyValues("shared-state.mode=client", "shared-state.address=127.0.0.1:" + port,
					"shared-state.authkey=" + TestServers.AUTHKEY, "shared-state.client.fail-fast=true")
			.run((context) -> assertThat(context).getFailure()
				.isInstanceOfSatisfying(BeanCreationException.class,
						(ex) -> assertThat(ex.contains(SharedStateUnavailableException.class)).isTrue())
				.hasMessageContaining("127.0.0.1:" + port));
	}

	@Test
	void runWithUserDefinedManagerShouldUseItInsteadOfCreatingOne() {
		SharedState own = SharedState.inProcess();
		this.contextRunner.withBean(SharedState.class, () -> own)
			.withPropertyValues("shared-state.mode=server")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).getBean(SharedState.class).isSameAs(own);
			});
	}

	@Test
	void runWithAModeThatIsNoneShouldFailBindingTheModeProperty() {
		this.contextRunner.withPropertyValues("shared-state.mode=serverr")
			.run((context) -> assertThat(context).getFailure().satisfies((failure) -> {
				BindException bind = (BindException) Stream.iterate(failure, Objects::nonNull, Throwable::getCause)
					.filter(BindException.class::isInstance)
					.findFirst()
					.orElseThrow(() -> new AssertionError("No BindException in", failure));
				assertThat(bind.getName().toString()).isEqualTo("shared-state.mode");
				assertThat(bind.getProperty().getValue()).isEqualTo("serverr");
			}));
	}

	@Test
	void runWithModeInCapitalsShouldBindItAsTheMode() {
		this.contextRunner.withPropertyValues("shared-state.mode=SERVER", "shared-state.authkey=" + TestServers.AUTHKEY)
			.run((context) -> assertThat(context.getBean(SharedState.class).mode()).isEqualTo(ManagerMode.SERVER));
	}

	@Test
	void runInServerModeWithoutAuthkeyShouldFailNamingTheProperty() {
		this.contextRunner.withPropertyValues("shared-state.mode=server")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("shared-state.authkey")
				.hasMessageContaining("server mode"));
	}

	@Test
	void runInClientModeWithoutAuthkeyShouldFailNamingTheProperty() {
		this.contextRunner.withPropertyValues("shared-state.mode=client", "shared-state.address=127.0.0.1:7077")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("shared-state.authkey")
				.hasMessageContaining("client mode"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "localhost", "localhost:http", ":7077", "localhost:70000", "localhost:" })
	void runWithAddressNotHostColonPortShouldFailNamingThePropertyAndTheValue(String address) {
		this.contextRunner
			.withPropertyValues("shared-state.mode=server", "shared-state.authkey=" + TestServers.AUTHKEY,
					"shared-state.address=" + address)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("shared-state.address")
				.hasMessageContaining("'" + address + "'")
				.hasMessageContaining("host:port"));
	}

	@Test
	void runInClientModeWithoutAddressShouldFailNamingTheProperty() {
		this.contextRunner.withPropertyValues("shared-state.mode=client", "shared-state.authkey=" + TestServers.AUTHKEY)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("shared-state.address")
				.hasMessageContaining("server's address"));
	}

	@Test
	void runWithLocksShouldDeclareNonReentrantLockBeansOfThoseNames() {
		this.contextRunner.withPropertyValues("shared-state.locks=orders,payments")
			.withBean(LockUser.class)
			.run((context) -> {
				Lock orders = context.getBean(LockUser.class).orders;
				assertThat(orders).isSameAs(context.getBean("orders"));
				assertThat(((SharedLock) orders).name()).isEqualTo("orders");
				assertThat(((SharedLock) orders).type()).isEqualTo(SharedType.LOCK);
				assertThat(orders.tryLock()).isTrue();
				assertThat(orders.tryLock()).isFalse();
				orders.unlock();
				assertThat(context.getBean("payments", SharedLock.class).name()).isEqualTo("payments");
			});
	}

	@Test
	void runWithReentrantLocksShouldDeclareReentrantLockBeansOfThoseNames() {
		this.contextRunner.withPropertyValues("shared-state.reentrant-locks=orders")
			.withBean(LockUser.class)
			.run((context) -> {
				SharedLock orders = (SharedLock) context.getBean(LockUser.class).orders;
				assertThat(orders.type()).isEqualTo(SharedType.RLOCK);
				assertThat(orders.tryLock()).isTrue();
				assertThat(orders.tryLock()).isTrue();
				orders.unlock();
				orders.unlock();
				assertThat(orders.isLocked()).isFalse();
			});
	}

	@Test
	void runWithEventsShouldDeclareEventBeansOfThoseNames() {
		this.contextRunner.withPropertyValues("shared-state.events=started").run((context) -> {
			SharedEvent started = context.getBean("started", SharedEvent.class);
			started.set();
			assertThat(context.getBean(SharedState.class).event("started").isSet()).isTrue();
		});
	}

	@Test
	void runWithBarrierPartiesShouldDeclareABarrierBeanForThatManyParties() {
		this.contextRunner.withPropertyValues("shared-state.barriers.startup.parties=3")
			.run((context) -> assertThat(context.getBean("startup", SharedBarrier.class).parties()).isEqualTo(3));
	}

	@Test
	void runInClientModeWithLocksShouldDeclareTheServersLocks() {
		try (SharedState server = TestServers.start()) {
			this.contextRunner.withPropertyValues(TestServers.clientOf(server))
				.withPropertyValues("shared-state.locks=orders")
				.withBean(LockUser.class)
				.run((context) -> {
					Lock orders = context.getBean(LockUser.class).orders;
					orders.lock();
					try {
						assertThat(server.lock("orders").isLocked()).isTrue();
					}
					finally {
						orders.unlock();
					}
				});
		}
	}

	static class DictUser {

		@SharedDict("greetings")
		Map<String, String> greetings;

	}

	static class LockUser {

		@Autowired
		Lock orders;

	}

}
