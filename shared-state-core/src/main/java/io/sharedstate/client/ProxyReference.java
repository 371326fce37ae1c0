package io.sharedstate.client;

import java.io.InvalidObjectException;
import java.io.ObjectStreamException;
import java.io.Serial;
import java.io.Serializable;
import java.net.InetSocketAddress;

import io.sharedstate.custom.CustomTypeRef;
import io.sharedstate.api.SharedType;
import io.sharedstate.api.SharedStateException;

/**
 * What a shared object becomes under Java serialization: its manager's address, its type
 * and its name (and, for a custom object, its type id and interface name). Deserialized
 * in another process, it turns back into a live proxy, through a manager this process
 * already uses for that address, or else a new client connected with the authkey from the
 * {@value ManagerDirectory#AUTHKEY_PROPERTY} system property or the
 * {@value ManagerDirectory#AUTHKEY_VARIABLE} environment variable (how a parent hands its
 * key to the child processes it starts).
 */
public final class ProxyReference implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private final String host;

	private final int port;

	private final SharedType type;

	private final String name;

	private final String typeId;

	private final String interfaceName;

	private ProxyReference(String host, int port, SharedType type, String name, String typeId, String interfaceName) {
		this.host = host;
		this.port = port;
		this.type = type;
		this.name = name;
		this.typeId = typeId;
		this.interfaceName = interfaceName;
	}

	/**
	 * Creates a reference.
	 * @param address the manager server's address
	 * @param type the object's type
	 * @param name the object's name
	 * @return the reference
	 */
	/**
	 * Returns what a proxy serializes to.
	 * @param address the address of the manager server of the object
	 * @param type its type
	 * @param name its name
	 * @param initial what it was opened with: its custom type, for a custom object
	 * @return the reference
	 */
	public static ProxyReference create(InetSocketAddress address, SharedType type, String name, Object initial) {
		return (initial instanceof CustomTypeRef custom) ? ofCustom(address, name, custom) : of(address, type, name);
	}

	public static ProxyReference of(InetSocketAddress address, SharedType type, String name) {
		return new ProxyReference(address.getHostString(), address.getPort(), type, name, null, null);
	}

	/**
	 * Creates a reference to a custom object.
	 * @param address the manager server's address
	 * @param name the object's name
	 * @param custom its type id and interface
	 * @return the reference
	 */
	public static ProxyReference ofCustom(InetSocketAddress address, String name, CustomTypeRef custom) {
		return new ProxyReference(address.getHostString(), address.getPort(), SharedType.CUSTOM, name, custom.typeId(),
				custom.interfaceName());
	}

	@Serial
	private Object readResolve() throws ObjectStreamException {
		try {
			CustomTypeRef custom = (this.typeId != null) ? new CustomTypeRef(this.typeId, this.interfaceName) : null;
			return ManagerDirectory.forAddress(this.host, this.port).open(this.type, this.name, custom);
		}
		catch (SharedStateException | IllegalArgumentException ex) {
			InvalidObjectException failure = new InvalidObjectException(
					"Cannot reconnect " + this + ": " + ex.getMessage());
			failure.initCause(ex);
			throw failure;
		}
	}

	@Override
	public String toString() {
		String what = (this.typeId != null) ? "'" + this.typeId + "' object" : this.type.toString();
		return what + " '" + this.name + "' at " + this.host + ":" + this.port;
	}

}
