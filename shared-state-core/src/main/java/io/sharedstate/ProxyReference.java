package io.sharedstate;

import java.io.InvalidObjectException;
import java.io.ObjectStreamException;
import java.io.Serial;
import java.io.Serializable;
import java.net.InetSocketAddress;

/**
 * What a shared object becomes under Java serialization: its manager's address, its type
 * and its name. Deserialized in another process, it turns back into a live proxy, through
 * a manager this process already uses for that address, or else a new client connected
 * with the authkey from the {@value ManagerDirectory#AUTHKEY_PROPERTY} system property or
 * the {@value ManagerDirectory#AUTHKEY_VARIABLE} environment variable (how a parent hands
 * its key to the child processes it starts).
 */
public final class ProxyReference implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private final String host;

	private final int port;

	private final SharedType type;

	private final String name;

	private ProxyReference(String host, int port, SharedType type, String name) {
		this.host = host;
		this.port = port;
		this.type = type;
		this.name = name;
	}

	/**
	 * Creates a reference.
	 * @param address the manager server's address
	 * @param type the object's type
	 * @param name the object's name
	 * @return the reference
	 */
	public static ProxyReference of(InetSocketAddress address, SharedType type, String name) {
		return new ProxyReference(address.getHostString(), address.getPort(), type, name);
	}

	@Serial
	private Object readResolve() throws ObjectStreamException {
		try {
			return ManagerDirectory.forAddress(this.host, this.port).object(this.type, this.name);
		}
		catch (SharedStateException ex) {
			InvalidObjectException failure = new InvalidObjectException(
					"Cannot reconnect " + this.type + " '" + this.name + "': " + ex.getMessage());
			failure.initCause(ex);
			throw failure;
		}
	}

	@Override
	public String toString() {
		return this.type + " '" + this.name + "' at " + this.host + ":" + this.port;
	}

}
