package io.sharedstate.autoconfigure.crossprocess;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

import io.sharedstate.event.SharedEvent;
import io.sharedstate.spring.Inject.SharedDict;

/**
 * A Spring Boot application run in a child JVM, as a client of the test's server (the
 * {@code shared-state.*} properties come as arguments): it writes a greeting to a shared
 * dict, takes the {@code orders} lock declared with {@code shared-state.locks}, prints
 * {@code HOLDING}, and gives the lock back once the {@code release} event is set.
 */
@SpringBootApplication
public class ClientApplication {

	public static void main(String[] args) throws InterruptedException {
		try (ConfigurableApplicationContext context = SpringApplication.run(ClientApplication.class, args)) {
			context.getBean(OrderWorker.class).run();
		}
	}

	@Component
	static class OrderWorker {

		private final Map<String, String> greetings;

		private final Lock orders;

		private final SharedEvent release;

		OrderWorker(@SharedDict("greetings") Map<String, String> greetings, Lock orders, SharedEvent release) {
			this.greetings = greetings;
			this.orders = orders;
			this.release = release;
		}

		void run() throws InterruptedException {
			this.greetings.put("child", "hello from " + ProcessHandle.current().pid());
			this.orders.lock();
			System.out.println("HOLDING");
			if (!this.release.await(60, TimeUnit.SECONDS)) {
				System.exit(2);
			}
			this.orders.unlock();
			System.out.println("RELEASED");
		}

	}

}
