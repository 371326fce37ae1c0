package io.sharedstate.server;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;

import com.esotericsoftware.kryo.io.Output;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.sharedstate.client.ClientOptions;
import io.sharedstate.SharedState;
import io.sharedstate.api.SharedStateAuthenticationException;
import io.sharedstate.dict.SharedDict;
import io.sharedstate.protocol.Frames;
import io.sharedstate.protocol.Handshake;
import io.sharedstate.protocol.Ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Hostile and broken peers: each is disconnected, and a healthy client keeps being
 * served.
 */
class ServerRobustnessTests {

	private static final String KEY = "robustness-key";

	private static final int MAX_FRAME = 4096;

	private SharedState server;

	private SharedState healthy;

	private SharedDict<String, Integer> healthyDict;

	@BeforeEach
	void start() {
		this.server = SharedState.serve(ServerOptions.create(KEY)
			.withMaxFrameBytes(MAX_FRAME)
			.withIdleTimeout(Duration.ofSeconds(2))
			.withHandshakeTimeout(Duration.ofSeconds(1)));
		this.healthy = SharedState.connect(ClientOptions.create(this.server.address(), KEY)
			.withHeartbeatInterval(Duration.ofMillis(200))
			.withMaxFrameBytes(MAX_FRAME));
		this.healthyDict = this.healthy.dict("healthy");
		this.healthyDict.put("before", 1);
	}

	@AfterEach
	void stop() {
		this.healthy.close();
		this.server.close();
	}

	private void assertHealthyClientStillServed() {
		this.healthyDict.put("after", 2);
		assertThat(this.healthyDict.get("before")).isEqualTo(1);
		assertThat(this.healthyDict.get("after")).isEqualTo(2);
	}

	private Socket rawSocket() throws IOException {
		Socket socket = new Socket(this.server.address().getAddress(), this.server.address().getPort());
		socket.setSoTimeout(5000);
		return socket;
	}

	private Socket authenticatedSocket() throws IOException {
		Socket socket = rawSocket();
		Handshake.connect(socket.getInputStream(), socket.getOutputStream(), KEY.getBytes(StandardCharsets.UTF_8));
		return socket;
	}

	/** Reads until the server closes the connection; fails if it stays open. */
	private static void assertClosedByServer(Socket socket) throws IOException {
		InputStream in = socket.getInputStream();
		try {
			while (in.read() >= 0) {
				// drain whatever the server said before closing
			}
		}
		catch (SocketTimeoutException ex) {
			throw new AssertionError("The server did not close the connection", ex);
		}
		catch (IOException ex) {
			// reset by the server: closed as well
		}
	}

	@Test
	void wrongAuthkeyIsRefusedWithAnErrorNamingTheAddress() {
		String address = this.server.address().getHostString() + ":" + this.server.address().getPort();
		assertThatThrownBy(() -> SharedState.connect(ClientOptions.create(this.server.address(), "not-the-key")))
			.isInstanceOf(SharedStateAuthenticationException.class)
			.hasMessageContaining(address)
			.hasMessageContaining("authkey");
		assertHealthyClientStillServed();
	}

	@Test
	void garbageInsteadOfAHandshakeClosesThatConnection() throws IOException {
		try (Socket socket = rawSocket()) {
			byte[] garbage = new byte[200];
			new Random(42).nextBytes(garbage);
			socket.getOutputStream().write(garbage);
			assertClosedByServer(socket);
		}
		assertHealthyClientStillServed();
	}

	@Test
	void httpRequestIsNotMistakenForAClient() throws IOException {
		try (Socket socket = rawSocket()) {
			socket.getOutputStream()
				.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".repeat(4).getBytes(StandardCharsets.US_ASCII));
			assertClosedByServer(socket);
		}
		assertHealthyClientStillServed();
	}

	@Test
	void frameSentWithoutAuthenticatingIsNeverDecoded() throws IOException {
		try (Socket socket = rawSocket()) {
			new DataInputStream(socket.getInputStream()).readFully(new byte[37]);
			socket.getOutputStream().write(openRequest(1, "sneaky"));
			assertClosedByServer(socket);
		}
		assertHealthyClientStillServed();
		assertThat(this.server.dict("healthy")).doesNotContainKey("sneaky");
	}

	@Test
	void silentPeerIsDisconnectedAfterTheHandshakeTimeout() throws IOException {
		try (Socket socket = rawSocket()) {
			assertClosedByServer(socket);
		}
		assertHealthyClientStillServed();
	}

	@Test
	void frameOverTheLimitClosesThatConnection() throws IOException {
		try (Socket socket = authenticatedSocket()) {
			Output frame = new Output(16, -1);
			frame.writeInt(MAX_FRAME * 2);
			frame.writeBytes(new byte[100]);
			socket.getOutputStream().write(frame.toBytes());
			assertClosedByServer(socket);
		}
		assertHealthyClientStillServed();
	}

	@Test
	void valueOverTheLimitIsRefusedOnTheClientAndTheConnectionStaysUsable() {
		SharedDict<String, byte[]> big = this.healthy.dict("big");
		assertThatThrownBy(() -> big.put("blob", new byte[MAX_FRAME * 2])).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("frame limit");
		assertHealthyClientStillServed();
	}

	@Test
	void malformedLengthClosesThatConnection() throws IOException {
		try (Socket socket = authenticatedSocket()) {
			Output frame = new Output(16, -1);
			frame.writeInt(3);
			frame.writeBytes(new byte[3]);
			socket.getOutputStream().write(frame.toBytes());
			assertClosedByServer(socket);
		}
		assertHealthyClientStillServed();
	}

	@Test
	void unsupportedFrameVersionClosesThatConnection() throws IOException {
		try (Socket socket = authenticatedSocket()) {
			byte[] request = openRequest(1, "x");
			request[Frames.LENGTH_BYTES] = 99;
			socket.getOutputStream().write(request);
			assertClosedByServer(socket);
		}
		assertHealthyClientStillServed();
	}

	@Test
	void truncatedFrameFollowedByDisconnectLeavesTheServerServing() throws IOException {
		try (Socket socket = authenticatedSocket()) {
			byte[] request = openRequest(1, "truncated");
			socket.getOutputStream().write(request, 0, request.length / 2);
		}
		assertHealthyClientStillServed();
		assertThat(this.server.dict("healthy")).doesNotContainKey("truncated");
	}

	@Test
	void truncatedFrameIsDroppedWhenTheIdleTimeoutPasses() throws IOException {
		try (Socket socket = authenticatedSocket()) {
			byte[] request = openRequest(1, "stalled");
			socket.getOutputStream().write(request, 0, request.length - 1);
			assertClosedByServer(socket);
		}
		assertHealthyClientStillServed();
	}

	@Test
	void clientDisconnectingRightAfterItsRequestLeavesTheServerServing() throws IOException {
		for (int i = 0; i < 20; i++) {
			try (Socket socket = authenticatedSocket()) {
				OutputStream out = socket.getOutputStream();
				out.write(openRequest(i + 1, "abandoned-" + i));
				socket.setSoLinger(true, 0);
			}
		}
		assertHealthyClientStillServed();
	}

	@Test
	void malformedRequestBodyGetsAnErrorReplyAndTheConnectionStaysUsable() throws IOException {
		try (Socket socket = authenticatedSocket()) {
			Output frame = new Output(64, -1);
			Frames.begin(frame, Frames.REQUEST, 7, Ops.OPEN, 0);
			frame.writeByte(42);
			Frames.end(frame);
			socket.getOutputStream().write(frame.toBytes());
			DataInputStream in = new DataInputStream(socket.getInputStream());
			byte[] header = new byte[Frames.LENGTH_BYTES + Frames.HEADER_BYTES];
			in.readFully(header);
			assertThat(header[Frames.LENGTH_BYTES + 1]).isEqualTo(Frames.ERROR);
			assertThat(Frames.getInt(header, Frames.LENGTH_BYTES + 2)).isEqualTo(7);
		}
		assertHealthyClientStillServed();
	}

	@Test
	void idleClientWithHeartbeatsOutlivesTheIdleTimeout() throws InterruptedException {
		Thread.sleep(3000);
		assertHealthyClientStillServed();
	}

	private static byte[] openRequest(int requestId, String name) {
		Output frame = new Output(64, -1);
		Frames.begin(frame, Frames.REQUEST, requestId, Ops.OPEN, 0);
		frame.writeByte(2); // tagged int
		frame.writeInt(1); // dict
		frame.writeByte(1); // tagged string
		frame.writeString(name);
		frame.writeByte(0); // null initial value
		Frames.end(frame);
		return frame.toBytes();
	}

}
