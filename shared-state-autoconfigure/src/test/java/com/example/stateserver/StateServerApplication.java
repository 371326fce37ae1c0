package com.example.stateserver;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.sharedstate.SharedState;

/**
 * The application of docs/spring.md's example that hosts the objects, run in its own JVM
 * without the client application's classes: prints {@code SERVING host:port} once ready.
 */
@SpringBootApplication
public class StateServerApplication {

	public static void main(String[] args) {
		SpringApplication.run(StateServerApplication.class, args);
	}

	@Component
	static class Announcer {

		private final SharedState manager;

		Announcer(SharedState manager) {
			this.manager = manager;
		}

		@EventListener(ApplicationReadyEvent.class)
		void announce() {
			System.out
				.println("SERVING " + this.manager.address().getHostString() + ":" + this.manager.address().getPort());
		}

	}

}
