package io.sharedstate.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The demo. Started plainly it is the coordinator: a manager server that launches worker
 * JVMs; started with {@code --sample.role=worker} it is one of those workers, a client of
 * the server.
 */
@SpringBootApplication
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
