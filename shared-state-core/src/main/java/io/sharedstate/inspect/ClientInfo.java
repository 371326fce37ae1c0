package io.sharedstate.inspect;

import java.io.Serializable;
import java.time.Instant;

/**
 * One client connection of a manager server.
 *
 * @param id the connection's id, unique per server run
 * @param pid the client's process id
 * @param host the client's host name
 * @param name the client's name
 * @param connectedAt when the connection was accepted
 * @param operations how many requests it has had served
 */
public record ClientInfo(long id, long pid, String host, String name, Instant connectedAt,
		long operations) implements Serializable {

}
