package io.sharedstate.python;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The authkey handshake of {@code multiprocessing.connection}, server side, in both
 * directions: the server challenges the client, then answers the client's challenge.
 *
 * <pre>
 * server -> client  "#CHALLENGE#{sha256}" random[40]
 * client -> server  "{sha256}" hmac_sha256(key, "{sha256}" random)   (Python 3.12+)
 *                   hmac_md5(key, "{sha256}" random)                  (up to 3.11: 16 bytes)
 * server -> client  "#WELCOME#" or "#FAILURE#"
 * client -> server  "#CHALLENGE#" random[20]                          (up to 3.11)
 *                   "#CHALLENGE#{digest}" random[40]                  (3.12+)
 * server -> client  hmac_md5(key, random)  or  "{digest}" hmac_digest(key, "{digest}" random)
 * client -> server  "#WELCOME#" or "#FAILURE#"
 * </pre>
 *
 * A 16- or 20-byte message means the legacy HMAC-MD5 protocol, as in CPython 3.12's
 * {@code _get_digest_name_and_payload}; the digests accepted are those CPython allows.
 * Handshake messages are read with a 256-byte limit.
 */
final class PythonHandshake {

	private static final byte[] CHALLENGE = ascii("#CHALLENGE#");

	private static final byte[] WELCOME = ascii("#WELCOME#");

	private static final byte[] FAILURE = ascii("#FAILURE#");

	private static final int MESSAGE_LENGTH = 40;

	private static final int LIMIT = 256;

	private static final Map<String, String> DIGESTS = Map.of("md5", "HmacMD5", "sha256", "HmacSHA256", "sha384",
			"HmacSHA384", "sha3_256", "HmacSHA3-256", "sha3_384", "HmacSHA3-384");

	private static final SecureRandom RANDOM = new SecureRandom();

	private PythonHandshake() {
	}

	/**
	 * Authenticates a new connection in both directions.
	 * @param messages the connection
	 * @param authkey the shared secret
	 * @throws AuthenticationFailedException if either side does not know the key, or the
	 * peer does not speak the protocol
	 * @throws IOException if the connection fails
	 */
	static void serve(PythonMessages messages, byte[] authkey) throws IOException {
		byte[] random = new byte[MESSAGE_LENGTH];
		RANDOM.nextBytes(random);
		byte[] message = concat(ascii("{sha256}"), random);
		messages.send(concat(CHALLENGE, message));
		byte[] response = messages.receive(LIMIT);
		if (!verify(authkey, message, response)) {
			messages.send(FAILURE);
			throw new AuthenticationFailedException("the client's answer to the challenge does not match the authkey");
		}
		messages.send(WELCOME);
		byte[] challenge = messages.receive(LIMIT);
		if (!startsWith(challenge, CHALLENGE)) {
			throw new AuthenticationFailedException("the client sent no challenge");
		}
		messages.send(respond(authkey, Arrays.copyOfRange(challenge, CHALLENGE.length, challenge.length)));
		byte[] verdict = messages.receive(LIMIT);
		if (!Arrays.equals(verdict, WELCOME)) {
			throw new AuthenticationFailedException("the client refused the server's answer: the authkeys differ");
		}
	}

	private static boolean verify(byte[] authkey, byte[] message, byte[] response) {
		Digested digested = digested(response);
		if (digested == null) {
			return false;
		}
		byte[] expected = hmac(digested.algorithm, authkey, message);
		return MessageDigest.isEqual(expected, digested.payload);
	}

	private static byte[] respond(byte[] authkey, byte[] message) {
		Digested digested = digested(message);
		if (digested == null) {
			throw new AuthenticationFailedException("the client's challenge names no digest the protocol allows");
		}
		byte[] mac = hmac(digested.algorithm, authkey, message);
		return (digested.name == null) ? mac : concat(ascii("{" + digested.name + "}"), mac);
	}

	/**
	 * Splits a message into its digest and payload: legacy messages (16 or 20 bytes) are
	 * MD5 without a prefix, others start with {@code {digest}}.
	 */
	private static Digested digested(byte[] message) {
		if (message.length == 16 || message.length == 20) {
			return new Digested(null, "HmacMD5", message);
		}
		if (message.length > 2 && message[0] == '{') {
			for (int end = 1; end < Math.min(message.length, 12); end++) {
				if (message[end] == '}') {
					String name = new String(message, 1, end - 1, StandardCharsets.US_ASCII);
					String algorithm = DIGESTS.get(name);
					return (algorithm != null)
							? new Digested(name, algorithm, Arrays.copyOfRange(message, end + 1, message.length))
							: null;
				}
			}
		}
		return null;
	}

	private static byte[] hmac(String algorithm, byte[] authkey, byte[] message) {
		try {
			Mac mac = Mac.getInstance(algorithm);
			mac.init(new SecretKeySpec(authkey, algorithm));
			return mac.doFinal(message);
		}
		catch (GeneralSecurityException ex) {
			throw new AuthenticationFailedException(algorithm + " is not available in this JVM: " + ex.getMessage());
		}
	}

	private static boolean startsWith(byte[] message, byte[] prefix) {
		return message.length >= prefix.length && Arrays.equals(message, 0, prefix.length, prefix, 0, prefix.length);
	}

	private static byte[] concat(byte[] first, byte[] second) {
		byte[] both = Arrays.copyOf(first, first.length + second.length);
		System.arraycopy(second, 0, both, first.length, second.length);
		return both;
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

	private record Digested(String name, String algorithm, byte[] payload) {

	}

	/**
	 * The peer does not know the authkey or does not speak the protocol.
	 */
	static final class AuthenticationFailedException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		AuthenticationFailedException(String message) {
			super(message);
		}

	}

}
