package io.sharedstate.process;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import io.sharedstate.SharedState;
import io.sharedstate.dict.SharedDict;
import io.sharedstate.lock.SharedLock;
import io.sharedstate.server.ServerOptions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lock holder paused (SIGSTOP) past its session's end cannot write beside the next
 * holder through a fenced view, learns that it lost the lock, and its unlock says so.
 */
@Timeout(value = 120, threadMode = ThreadMode.SEPARATE_THREAD)
@EnabledOnOs({ OS.LINUX, OS.MAC })
class PausedLockHolderTests {

	private static final Duration IDLE = Duration.ofMillis(1500);

	private static final Duration GRACE = Duration.ofSeconds(1);

	private SharedState server;

	private ChildJvm holder;

	@AfterEach
	void stop() {
		if (this.holder != null) {
			signal("-CONT", this.holder.pid());
			this.holder.close();
		}
		if (this.server != null) {
			this.server.close();
		}
	}

	@Test
	void holderPausedPastItsSessionCannotWriteBesideTheNextHolderAndIsToldItLostTheLock() throws Exception {
		this.server = SharedState.serve(ServerOptions.create(Children.AUTHKEY)
			.withIdleTimeout(IDLE)
			.withSessionGracePeriod(GRACE)
			.withAllowedPackages("io.sharedstate"));
		String name = "paused";
		SharedDict<String, Long> dict = this.server.dict(name + ".dict");
		dict.put("n", 0L);
		this.holder = ChildJvm.start(FencedLockChildMains.PausedHolder.class,
				Map.of("SHARED_STATE_AUTHKEY", Children.AUTHKEY), Children.hostPort(this.server.address()), name, "20");
		this.holder.awaitLine("LOCKED", Duration.ofSeconds(30));

		signal("-STOP", this.holder.pid());
		SharedLock lock = this.server.lock(name + ".lock");
		assertThat(lock.tryLock(30, TimeUnit.SECONDS)).as("taken over once the paused holder's session ended").isTrue();
		try {
			assertThat(lock.holderDied()).isTrue();
			SharedDict<String, Long> guarded = lock.fenced(dict);
			signal("-CONT", this.holder.pid());
			for (int i = 0; i < 20; i++) {
				guarded.merge("n", 1L, Long::sum);
			}
			ChildJvm.Result paused = this.holder.await(Duration.ofSeconds(60)).assertSuccess();
			assertThat(paused.value("refused")).as("every write of the paused holder was refused").isEqualTo("20");
			assertThat(paused.value("held")).isEqualTo("false");
			assertThat(paused.value("unlock")).isEqualTo("LockLostException");
			assertThat(dict.get("n")).as("only the new holder's increments landed").isEqualTo(20L);
		}
		finally {
			lock.unlock();
		}
	}

	private static void signal(String signal, long pid) {
		try {
			Process kill = new ProcessBuilder("kill", signal, Long.toString(pid)).inheritIO().start();
			assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
