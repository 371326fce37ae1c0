package io.sharedstate.inspect;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

/**
 * Looks into a manager: its live objects and, for a server or a client of one, the
 * connected clients. In client mode every call asks the server.
 */
public interface Inspector {

	/**
	 * Returns every live shared object, without previews.
	 * @return the objects, by name
	 */
	List<ObjectInfo> objects();

	/**
	 * Returns one object with a bounded preview of its contents.
	 * @param name the object's name
	 * @param previewLimit how many entries or elements to show as text; 0 for none
	 * @return the object, or empty if no object has that name
	 */
	Optional<ObjectInfo> object(String name, int previewLimit);

	/**
	 * Returns the server's connected clients.
	 * @return the clients; empty in-process
	 */
	List<ClientInfo> clients();

	/**
	 * Returns where the server listens (or, for a client, the server it uses).
	 * @return the address, or {@code null} in-process
	 */
	InetSocketAddress address();

}
