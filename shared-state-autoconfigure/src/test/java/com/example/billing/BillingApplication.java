package com.example.billing;

import com.example.orders.Order;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The client application of docs/spring.md's example, run in its own JVM with its own
 * classpath: places an order twice (the second merges into the first, on the server),
 * places and cancels another, and prints {@code PLACED}.
 */
@SpringBootApplication
public class BillingApplication {

	public static void main(String[] args) {
		try (ConfigurableApplicationContext context = SpringApplication.run(BillingApplication.class, args)) {
			OrderService orders = context.getBean(OrderService.class);
			orders.place(new Order("A-1", 2));
			orders.place(new Order("A-1", 3));
			orders.place(new Order("B-7", 1));
			System.out.println("CANCELLED " + orders.cancel("B-7"));
			System.out.println("PLACED");
		}
	}

}
