package io.sharedstate.protocol;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
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
	 * The server's side of the handshake, as steps a non-blocking server runs: send
	 * {@link #greeting()}, wait for {@link #CLIENT_ANSWER_BYTES}, then send what
	 * {@link #answer} returns.
	 */
	public static final class ServerSide {

		private final byte[] authkey;

		private final ServerTerms terms;

		private final byte[] challenge = randomChallenge();

		/**
		 * Starts the server's side for one connection.
		 * @param authkey the secret the client must prove it knows
		 * @param terms what the server tells an authenticated client
		 */
		public ServerSide(byte[] authkey, ServerTerms terms) {
			this.authkey = authkey;
			this.terms = terms;
		}

		/**
		 * Returns what the server sends first: the magic, its version and a challenge.
		 * @return the bytes
		 */
		public byte[] greeting() {
			byte[] greeting = new byte[MAGIC.length + 1 + CHALLENGE_BYTES];
			System.arraycopy(MAGIC, 0, greeting, 0, MAGIC.length);
			greeting[MAGIC.length] = Frames.VERSION;
			System.arraycopy(this.challenge, 0, greeting, MAGIC.length + 1, CHALLENGE_BYTES);
			return greeting;
		}

		/**
		 * Checks the client's answer to the greeting.
		 * @param answer the {@link #CLIENT_ANSWER_BYTES} the client sent
		 * @return what to send back: the verdict, the server's proof and its terms
		 * @throws Refused if the client is refused; {@link Refused#reply()} is what to
		 * send it before closing
		 */
		public byte[] answer(byte[] answer) throws Refused {
			if (!Arrays.equals(Arrays.copyOf(answer, MAGIC.length), MAGIC)) {
				throw new Refused("not a shared-state client (bad greeting)", null);
			}
			byte version = answer[MAGIC.length];
			byte[] response = Arrays.copyOfRange(answer, MAGIC.length + 1, MAGIC.length + 1 + CHALLENGE_BYTES);
			byte[] clientChallenge = Arrays.copyOfRange(answer, MAGIC.length + 1 + CHALLENGE_BYTES, answer.length);
			if (version != Frames.VERSION) {
				throw new Refused("client speaks protocol version " + version + ", this server " + Frames.VERSION,
						new byte[] { WRONG_VERSION });
			}
			if (!MessageDigest.isEqual(response, hmac(this.authkey, 'C', this.challenge))) {
				throw new Refused("authentication failed: the client does not know the authkey",
						new byte[] { WRONG_KEY });
			}
			ByteBuffer reply = ByteBuffer.allocate(1 + CHALLENGE_BYTES + 20);
			reply.put(OK);
			reply.put(hmac(this.authkey, 'S', clientChallenge));
			reply.putInt(this.terms.maxFrameBytes());
			reply.putInt(this.terms.maxInFlight());
			reply.putInt(this.terms.idleTimeoutMillis());
			reply.putLong(this.terms.serverId());
			return reply.array();
		}

	}

	/** How many bytes the client answers the greeting with. */
	public static final int CLIENT_ANSWER_BYTES = MAGIC.length + 1 + 2 * CHALLENGE_BYTES;

	/**
	 * A client the server refused during the handshake.
	 */
	public static final class Refused extends ProtocolException {

		private static final long serialVersionUID = 1L;

		private final transient byte[] reply;

		Refused(String message, byte[] reply) {
			super(message);
			this.reply = reply;
		}

		/**
		 * Returns what to send the client before closing.
		 * @return the bytes, or {@code null} to close without a word
		 */
		public byte[] reply() {
			return this.reply;
		}

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
