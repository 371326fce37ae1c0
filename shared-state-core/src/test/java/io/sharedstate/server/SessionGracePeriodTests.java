package io.sharedstate.server;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import org.junit.jupiter.api.Test;

import io.sharedstate.SharedState;
import io.sharedstate.api.SharedType;
import io.sharedstate.codec.ClassAllowList;
import io.sharedstate.codec.ValueCodec;
import io.sharedstate.lock.SharedLock;
import io.sharedstate.protocol.Frames;
import io.sharedstate.protocol.Handshake;
import io.sharedstate.protocol.Ops;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client session keeps what it holds for the whole grace period after its last
 * connection closed, however often it came and went before.
 */
class SessionGracePeriodTests {

	private static final String KEY = "grace-key";

	private static final Duration GRACE = Duration.ofMillis(1500);

	private final ValueCodec codec = new ValueCodec(ClassAllowList.of(List.of()), (type, name, custom) -> null);

	@Test
	void sessionThatCameBackAndLeftAgainKeepsItsLockForAFullGracePeriodAfterItLastLeft() throws Exception {
		try (SharedState server = SharedState.serve(ServerOptions.create(KEY).withSessionGracePeriod(GRACE))) {
			long session = 42;
			try (Socket first = connect(server, session)) {
				int lockId = (Integer) request(first, 1, Ops.OPEN, 0, SharedType.LOCK.code(), "guarded", null);
				assertThat(request(first, 2, 100, lockId, 7L, "worker", 0L)).as("granted").isNotNull();
			}
			SharedLock lock = server.lock("guarded");
			Thread.sleep(GRACE.toMillis() * 6 / 10);
			connect(server, session).close();
			long leftAgain = System.nanoTime();
			Thread.sleep(GRACE.toMillis() * 6 / 10);
			assertThat(lock.isLocked()).as("held a full grace period after the session last left").isTrue();
			while (lock.isLocked() && System.nanoTime() - leftAgain < GRACE.toNanos() * 3) {
				Thread.sleep(20);
			}
			assertThat(lock.isLocked()).as("released once the grace period passed").isFalse();
			assertThat(System.nanoTime() - leftAgain).isGreaterThanOrEqualTo(GRACE.toNanos());
		}
	}

	private Socket connect(SharedState server, long session) throws IOException {
		Socket socket = new Socket(server.address().getAddress(), server.address().getPort());
		socket.setSoTimeout(5000);
		Handshake.connect(socket.getInputStream(), socket.getOutputStream(), KEY.getBytes(StandardCharsets.UTF_8));
		request(socket, 99, Ops.HELLO, 0, session, 1L, "host", "raw client");
		return socket;
	}

	private Object request(Socket socket, int requestId, int op, int objectId, Object... args) throws IOException {
		Output frame = new Output(256, -1);
		Frames.begin(frame, Frames.REQUEST, requestId, op, objectId);
		for (Object arg : args) {
			this.codec.write(frame, arg);
		}
		Frames.end(frame);
		socket.getOutputStream().write(frame.toBytes());
		DataInputStream in = new DataInputStream(socket.getInputStream());
		byte[] length = new byte[Frames.LENGTH_BYTES];
		in.readFully(length);
		byte[] rest = new byte[Frames.getInt(length, 0)];
		in.readFully(rest);
		assertThat(rest[1]).as("reply kind").isEqualTo(Frames.REPLY);
		return this.codec.read(new Input(rest, Frames.HEADER_BYTES, rest.length - Frames.HEADER_BYTES));
	}

}
