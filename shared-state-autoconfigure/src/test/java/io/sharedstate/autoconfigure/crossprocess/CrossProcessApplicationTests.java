package io.sharedstate.autoconfigure.crossprocess;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

import io.sharedstate.SharedState;
import io.sharedstate.autoconfigure.SharedStateAutoConfiguration;
import io.sharedstate.autoconfigure.TestServers;
import io.sharedstate.event.SharedEvent;
import io.sharedstate.spring.Inject.SharedDict;
import io.sharedstate.lock.SharedLock;
import io.sharedstate.process.ChildJvm;
import io.sharedstate.process.Children;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server application in this JVM and a client application ({@link ClientApplication})
 * in a child JVM, both configured by properties only.
 */
class CrossProcessApplicationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SharedStateAutoConfiguration.class))
		.withPropertyValues("shared-state.mode=server", "shared-state.authkey=" + TestServers.AUTHKEY,
				"shared-state.locks=orders", "shared-state.events=release",
				"shared-state.server.session-grace-period=200ms")
		.withBean(GreetingsReader.class);

	@Test
	void clientApplicationWritesADictAndHoldsALockThatTheServerApplicationSees() {
		this.contextRunner.run((context) -> {
			try (ChildJvm child = startClient(context)) {
				child.awaitLine("HOLDING", TIMEOUT);
				assertThat(context.getBean(GreetingsReader.class).greetings).containsEntry("child",
						"hello from " + child.pid());
				Lock orders = context.getBean("orders", Lock.class);
				assertThat(orders.tryLock()).isFalse();
				context.getBean("release", SharedEvent.class).set();
				assertThat(orders.tryLock(10, TimeUnit.SECONDS)).isTrue();
				orders.unlock();
				child.await(TIMEOUT).assertSuccess();
			}
		});
	}

	@Test
	void lockHeldByAClientApplicationThatDiesIsReleasedToTheServerApplication() {
		this.contextRunner.run((context) -> {
			try (ChildJvm child = startClient(context)) {
				child.awaitLine("HOLDING", TIMEOUT);
				SharedLock orders = context.getBean("orders", SharedLock.class);
				assertThat(orders.tryLock()).isFalse();
				child.kill();
				assertThat(orders.tryLock(10, TimeUnit.SECONDS)).isTrue();
				assertThat(orders.holderDied()).isTrue();
				orders.unlock();
			}
		});
	}

	private static ChildJvm startClient(ApplicationContext server) {
		String address = Children.hostPort(server.getBean(SharedState.class).address());
		return ChildJvm.start(ClientApplication.class, Map.of(), "--shared-state.mode=client",
				"--shared-state.address=" + address, "--shared-state.authkey=" + TestServers.AUTHKEY,
				"--shared-state.locks=orders", "--shared-state.events=release", "--spring.main.banner-mode=off",
				"--spring.main.web-application-type=none", "--spring.application.name=child");
	}

	static class GreetingsReader {

		@SharedDict("greetings")
		Map<String, String> greetings;

	}

}
