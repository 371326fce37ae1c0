package io.sharedstate.protocol;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Mutual authentication by HMAC-SHA256 challenge and response on the shared authkey, in
 * fixed-size messages, before anything else is decoded. Each side proves it knows the key
 * without sending it; a peer that does not is refused before it can send a single frame.
 *
 * <pre>
 * server -> client  "SHST" version challengeS[32]                        37 bytes
 * client -> server  "SHST" version hmac("C", challengeS)[32] challengeC[32]   69 bytes
 * server -> client  status[1]: 0 ok, 1 wrong authkey, 2 unsupported version
 *                   when ok: hmac("S", challengeC)[32] maxFrame[4] maxInFlight[4] idleTimeoutMillis[4]
 *                   serverId[8]
 * </pre>
 */
public final class Handshake {

	private static final byte[] MAGIC = "SHST".getBytes(StandardCharsets.US_ASCII);

	private static final int CHALLENGE_BYTES = 32;

	private static final byte OK = 0;

	private static final byte WRONG_KEY = 1;

	private static final byte WRONG_VERSION = 2;

	private static final SecureRandom RANDOM = new SecureRandom();

	private Handshake() {
	}

	/**
	 * What the server announces to an authenticated client.
	 *
	 * @param maxFrameBytes the largest frame the server accepts
	 * @param maxInFlight the most requests a connection may have in flight
	 * @param idleTimeoutMillis how long the server lets a connection stay silent; clients
	 * send heartbeats well within it
	 * @param serverId a random id of this server run; changes when the server restarts
	 */
	public record ServerTerms(int maxFrameBytes, int maxInFlight, int idleTimeoutMillis, long serverId) {

	}

	/**
	 * Runs the server side.
	 * @param in the connection's input
	 * @param out the connection's output
	 * @param authkey the shared secret
	 * @param terms what to announce to the client once it is authenticated
	 * @throws ProtocolException if the client is not a shared-state client of this
	 * version or does not know the authkey; the client has been told why
	 * @throws IOException if the connection fails
	 */
	public static void serve(InputStream in, OutputStream out, byte[] authkey, ServerTerms terms) throws IOException {
		byte[] challenge = randomChallenge();
		DataOutputStream data = new DataOutputStream(out);
		data.write(MAGIC);
		data.writeByte(Frames.VERSION);
		data.write(challenge);
		data.flush();
		DataInputStream input = new DataInputStream(in);
		byte[] magic = new byte[MAGIC.length];
		input.readFully(magic);
		if (!Arrays.equals(magic, MAGIC)) {
			throw new ProtocolException("not a shared-state client (bad greeting)");
		}
		byte version = input.readByte();
		byte[] response = new byte[CHALLENGE_BYTES];
		input.readFully(response);
		byte[] clientChallenge = new byte[CHALLENGE_BYTES];
		input.readFully(clientChallenge);
		if (version != Frames.VERSION) {
			data.writeByte(WRONG_VERSION);
			data.flush();
			throw new ProtocolException(
					"client speaks protocol version " + version + ", this server " + Frames.VERSION);
		}
		if (!MessageDigest.isEqual(response, hmac(authkey, 'C', challenge))) {
			data.writeByte(WRONG_KEY);
			data.flush();
			throw new ProtocolException("authentication failed: the client does not know the authkey");
		}
		data.writeByte(OK);
		data.write(hmac(authkey, 'S', clientChallenge));
		data.writeInt(terms.maxFrameBytes());
		data.writeInt(terms.maxInFlight());
		data.writeInt(terms.idleTimeoutMillis());
		data.writeLong(terms.serverId());
		data.flush();
	}

	/**
	 * Runs the client side.
	 * @param in the connection's input
	 * @param out the connection's output
	 * @param authkey the shared secret
	 * @return what the server announced
	 * @throws HandshakeRefusedException if either side failed to authenticate the other
	 * @throws IOException if the connection fails
	 */
	public static ServerTerms connect(InputStream in, OutputStream out, byte[] authkey) throws IOException {
		DataInputStream input = new DataInputStream(in);
		byte[] magic = new byte[MAGIC.length];
		input.readFully(magic);
		if (!Arrays.equals(magic, MAGIC)) {
			throw new HandshakeRefusedException("the peer is not a shared-state manager server");
		}
		byte version = input.readByte();
		byte[] challenge = new byte[CHALLENGE_BYTES];
		input.readFully(challenge);
		byte[] clientChallenge = randomChallenge();
		DataOutputStream data = new DataOutputStream(out);
		data.write(MAGIC);
		data.writeByte(Frames.VERSION);
		data.write(hmac(authkey, 'C', challenge));
		data.write(clientChallenge);
		data.flush();
		byte status = input.readByte();
		if (status == WRONG_KEY) {
			throw new HandshakeRefusedException("the server rejected the authkey");
		}
		if (status != OK) {
			throw new HandshakeRefusedException(
					"the server speaks protocol version " + version + ", this client " + Frames.VERSION);
		}
		byte[] proof = new byte[CHALLENGE_BYTES];
		input.readFully(proof);
		if (!MessageDigest.isEqual(proof, hmac(authkey, 'S', clientChallenge))) {
			throw new HandshakeRefusedException("the server could not prove it knows the authkey");
		}
		return new ServerTerms(input.readInt(), input.readInt(), input.readInt(), input.readLong());
	}

	private static byte[] randomChallenge() {
		byte[] challenge = new byte[CHALLENGE_BYTES];
		RANDOM.nextBytes(challenge);
		return challenge;
	}

	private static byte[] hmac(byte[] authkey, char role, byte[] challenge) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(authkey, "HmacSHA256"));
			mac.update((byte) role);
			return mac.doFinal(challenge);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available in this JVM", ex);
		}
	}

	/**
	 * Thrown on the client when authentication fails in either direction.
	 */
	public static final class HandshakeRefusedException extends IOException {

		HandshakeRefusedException(String message) {
			super(message);
		}

	}

	/**
	 * Returns the bytes of an authkey, as both sides hash them.
	 * @param authkey the authkey, or {@code null}
	 * @return its UTF-8 bytes, or {@code null}
	 */
	public static byte[] authkeyBytes(String authkey) {
		return (authkey != null) ? authkey.getBytes(java.nio.charset.StandardCharsets.UTF_8) : null;
	}

}
