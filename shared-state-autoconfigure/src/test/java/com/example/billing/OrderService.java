package com.example.billing;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.Lock;

import com.example.orders.Order;

import org.springframework.stereotype.Service;

import io.sharedstate.dict.SharedDict;
import io.sharedstate.spring.Inject;

/**
 * The service of docs/spring.md, as written there.
 */
@Service
class OrderService {

	@Inject.SharedDict("orders")
	private SharedDict<String, Order> orders; // a live, shared ConcurrentMap

	private final Lock orderLock; // declared by shared-state.locks

	private final BlockingQueue<Order> outbox;

	OrderService(Lock orderLock, @Inject.SharedQueue(value = "outbox", maxsize = 100) BlockingQueue<Order> outbox) {
		this.orderLock = orderLock;
		this.outbox = outbox;
	}

	void place(Order order) {
		this.orders.merge(order.id(), order, Order::combine); // atomic, on the server
		this.outbox.offer(order);
	}

	Order cancel(String id) {
		this.orderLock.lock(); // no other process places or cancels meanwhile
		try {
			return this.orders.remove(id);
		}
		finally {
			this.orderLock.unlock();
		}
	}

}
