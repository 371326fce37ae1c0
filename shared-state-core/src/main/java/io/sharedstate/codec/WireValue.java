package io.sharedstate.codec;

/**
 * A server-side result that travels as a simpler value: a lock grant, for example, is an
 * object that can be revoked on the server but a plain number on the wire.
 */
public interface WireValue {

	/**
	 * Returns what to encode instead of this object.
	 * @return the value sent to the client
	 */
	Object wireValue();

}
