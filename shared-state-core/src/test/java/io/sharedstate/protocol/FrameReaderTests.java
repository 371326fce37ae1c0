package io.sharedstate.protocol;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Random;

import com.esotericsoftware.kryo.io.Output;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FrameReaderTests {

	private static final int LIMIT = 1024 * 1024;

	private static byte[] frame(byte kind, int requestId, int op, int objectId, String body) {
		Output output = new Output(64, -1);
		Frames.begin(output, kind, requestId, op, objectId);
		output.writeString(body);
		Frames.end(output);
		return output.toBytes();
	}

	private static byte[] request(int requestId, String body) {
		return frame(Frames.REQUEST, requestId, 100 + requestId, 7, body);
	}

	private static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream all = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			all.writeBytes(part);
		}
		return all.toByteArray();
	}

	private static void assertRequest(Frame frame, int requestId, String body) {
		assertThat(frame.kind()).isEqualTo(Frames.REQUEST);
		assertThat(frame.requestId()).isEqualTo(requestId);
		assertThat(frame.op()).isEqualTo(100 + requestId);
		assertThat(frame.objectId()).isEqualTo(7);
		assertThat(frame.body().readString()).isEqualTo(body);
		assertThat(frame.body().position()).isEqualTo(frame.body().limit());
	}

	@Test
	void frameInOneReadIsReadWithEveryHeaderField() throws IOException {
		byte[] bytes = frame(Frames.ERROR, 0x01020304, 0xBEEF, 0x7FFFFFFF, "body");
		FrameReader reader = new FrameReader(new ByteArrayInputStream(bytes), LIMIT);
		Frame frame = reader.next();
		assertThat(frame.kind()).isEqualTo(Frames.ERROR);
		assertThat(frame.requestId()).isEqualTo(0x01020304);
		assertThat(frame.op()).isEqualTo(0xBEEF);
		assertThat(frame.objectId()).isEqualTo(0x7FFFFFFF);
		assertThat(frame.body().readString()).isEqualTo("body");
	}

	@Test
	void lengthPrefixIsLittleEndianAndCountsTheBytesAfterIt() {
		byte[] bytes = request(1, "");
		assertThat(Frames.getInt(bytes, 0)).isEqualTo(bytes.length - Frames.LENGTH_BYTES);
		assertThat(bytes[0] & 0xff).isEqualTo(bytes.length - Frames.LENGTH_BYTES);
		assertThat(bytes[Frames.LENGTH_BYTES]).isEqualTo(Frames.VERSION);
	}

	@Test
	void frameArrivingOneByteAtATimeIsAssembled() throws IOException {
		byte[] bytes = concat(request(1, "first"), request(2, "second"));
		FrameReader reader = new FrameReader(new Trickle(bytes, 1), LIMIT);
		assertRequest(reader.next(), 1, "first");
		assertRequest(reader.next(), 2, "second");
		assertThatExceptionOfType(EOFException.class).isThrownBy(reader::next);
	}

	@Test
	void framesArrivingInPiecesOfAnySizeAreAssembled() throws IOException {
		Random random = new Random(3);
		byte[][] frames = new byte[50][];
		for (int i = 0; i < frames.length; i++) {
			frames[i] = request(i, "x".repeat(random.nextInt(300)));
		}
		byte[] bytes = concat(frames);
		for (int piece : new int[] { 2, 3, 5, 16, 17, 100, 1000 }) {
			FrameReader reader = new FrameReader(new Trickle(bytes, piece), LIMIT);
			for (int i = 0; i < frames.length; i++) {
				Frame frame = reader.next();
				assertThat(frame.requestId()).isEqualTo(i);
				assertThat(Frames.getInt(frames[i], 0))
					.isEqualTo(Frames.HEADER_BYTES + frame.body().limit() - frame.body().position());
			}
		}
	}

	@Test
	void severalFramesInOneReadAreAllReadFromTheBuffer() throws IOException {
		byte[] bytes = concat(request(1, "a"), request(2, "b"), request(3, "c"));
		Trickle in = new Trickle(bytes, bytes.length);
		FrameReader reader = new FrameReader(in, LIMIT);
		assertRequest(reader.next(), 1, "a");
		assertThat(reader.hasBufferedFrame()).isTrue();
		assertRequest(reader.next(), 2, "b");
		assertThat(reader.hasBufferedFrame()).isTrue();
		assertRequest(reader.next(), 3, "c");
		assertThat(reader.hasBufferedFrame()).isFalse();
		assertThat(reader.hasPartialFrame()).isFalse();
		assertThat(in.reads).isEqualTo(1);
	}

	@Test
	void frameLargerThanTheReadBufferIsAssembled() throws IOException {
		String big = "y".repeat(300_000);
		byte[] bytes = concat(request(1, "small"), request(2, big), request(3, "after"));
		FrameReader reader = new FrameReader(new Trickle(bytes, 7000), LIMIT);
		assertRequest(reader.next(), 1, "small");
		assertRequest(reader.next(), 2, big);
		assertRequest(reader.next(), 3, "after");
	}

	@Test
	void frameOfExactlyTheLimitIsAccepted() throws IOException {
		byte[] bytes = request(1, "z".repeat(100));
		FrameReader reader = new FrameReader(new ByteArrayInputStream(bytes), bytes.length);
		assertRequest(reader.next(), 1, "z".repeat(100));
	}

	@Test
	void oversizedFrameIsRefusedBeforeItsBodyIsRead() {
		byte[] bytes = request(1, "z".repeat(100));
		byte[] header = Arrays.copyOf(bytes, Frames.LENGTH_BYTES + Frames.HEADER_BYTES);
		InputStream headerThenNothing = new InputStream() {

			private final ByteArrayInputStream remaining = new ByteArrayInputStream(header);

			@Override
			public int read() {
				throw new AssertionError("read byte by byte");
			}

			@Override
			public int read(byte[] buffer, int offset, int length) {
				if (this.remaining.available() == 0) {
					throw new AssertionError("the body of an oversized frame was read");
				}
				return this.remaining.read(buffer, offset, length);
			}

		};
		FrameReader reader = new FrameReader(headerThenNothing, bytes.length - 1);
		assertThatExceptionOfType(ProtocolException.class).isThrownBy(reader::next)
			.withMessageContaining("exceeds the limit")
			.withMessageContaining(Integer.toString(bytes.length));
	}

	@Test
	void hugeDeclaredLengthIsRefusedWithoutAllocatingIt() {
		byte[] bytes = new byte[Frames.LENGTH_BYTES];
		Frames.putInt(bytes, 0, Integer.MAX_VALUE);
		FrameReader reader = new FrameReader(new ByteArrayInputStream(bytes), LIMIT);
		assertThatExceptionOfType(ProtocolException.class).isThrownBy(reader::next)
			.withMessageContaining("exceeds the limit");
	}

	@Test
	void negativeOrTooShortLengthIsMalformed() {
		for (int length : new int[] { -1, Integer.MIN_VALUE, 0, Frames.HEADER_BYTES - 1 }) {
			byte[] bytes = new byte[64];
			Frames.putInt(bytes, 0, length);
			FrameReader reader = new FrameReader(new ByteArrayInputStream(bytes), LIMIT);
			assertThatExceptionOfType(ProtocolException.class).as("length %d", length)
				.isThrownBy(reader::next)
				.withMessageContaining("malformed");
		}
	}

	@Test
	void frameOfAnotherVersionIsRefused() {
		byte[] bytes = request(1, "a");
		bytes[Frames.LENGTH_BYTES] = (byte) (Frames.VERSION + 1);
		FrameReader reader = new FrameReader(new ByteArrayInputStream(bytes), LIMIT);
		assertThatExceptionOfType(ProtocolException.class).isThrownBy(reader::next).withMessageContaining("version");
	}

	@Test
	void endOfStreamBetweenFramesIsACleanClose() throws IOException {
		FrameReader empty = new FrameReader(new ByteArrayInputStream(new byte[0]), LIMIT);
		assertThatExceptionOfType(EOFException.class).isThrownBy(empty::next).isNotInstanceOf(ProtocolException.class);
		FrameReader afterOne = new FrameReader(new Trickle(request(1, "a"), 3), LIMIT);
		afterOne.next();
		assertThatExceptionOfType(EOFException.class).isThrownBy(afterOne::next);
	}

	@Test
	void endOfStreamInTheMiddleOfABodyIsATruncatedFrame() {
		byte[] bytes = request(1, "truncated body");
		byte[] truncated = Arrays.copyOf(bytes, bytes.length - 3);
		FrameReader reader = new FrameReader(new Trickle(truncated, 4), LIMIT);
		assertThatExceptionOfType(ProtocolException.class).isThrownBy(reader::next)
			.withMessageContaining("middle of a frame");
	}

	@Test
	void endOfStreamInTheMiddleOfTheLengthOrHeaderIsATruncatedFrame() {
		byte[] bytes = request(1, "a");
		for (int cut : new int[] { 1, 3, Frames.LENGTH_BYTES, Frames.LENGTH_BYTES + 5 }) {
			FrameReader reader = new FrameReader(new ByteArrayInputStream(Arrays.copyOf(bytes, cut)), LIMIT);
			assertThatExceptionOfType(ProtocolException.class).as("cut after %d bytes", cut)
				.isThrownBy(reader::next)
				.withMessageContaining("middle of a frame");
		}
	}

	@Test
	void endOfStreamAfterACompleteFrameAndPartOfTheNextIsATruncatedFrame() throws IOException {
		byte[] second = request(2, "b");
		byte[] bytes = concat(request(1, "a"), Arrays.copyOf(second, second.length - 1));
		FrameReader reader = new FrameReader(new ByteArrayInputStream(bytes), LIMIT);
		assertRequest(reader.next(), 1, "a");
		assertThat(reader.hasPartialFrame()).isTrue();
		assertThatExceptionOfType(ProtocolException.class).isThrownBy(reader::next);
	}

	@Test
	void readThatTimesOutInTheMiddleOfAFrameResumesWhereItStopped() throws IOException {
		byte[] bytes = concat(request(1, "patience"), request(2, "next"));
		Scripted in = new Scripted();
		in.then(Arrays.copyOfRange(bytes, 0, 2));
		in.thenTimeout();
		in.then(Arrays.copyOfRange(bytes, 2, 10));
		in.thenTimeout();
		in.then(Arrays.copyOfRange(bytes, 10, bytes.length));
		FrameReader reader = new FrameReader(in, LIMIT);
		assertThatExceptionOfType(SocketTimeoutException.class).isThrownBy(reader::next);
		assertThat(reader.hasPartialFrame()).isTrue();
		assertThatExceptionOfType(SocketTimeoutException.class).isThrownBy(reader::next);
		assertThat(reader.hasPartialFrame()).isTrue();
		assertRequest(reader.next(), 1, "patience");
		assertRequest(reader.next(), 2, "next");
	}

	@Test
	void readThatTimesOutBetweenFramesLeavesNothingPartial() throws IOException {
		Scripted in = new Scripted();
		in.then(request(1, "a"));
		in.thenTimeout();
		in.then(request(2, "b"));
		FrameReader reader = new FrameReader(in, LIMIT);
		assertRequest(reader.next(), 1, "a");
		assertThatExceptionOfType(SocketTimeoutException.class).isThrownBy(reader::next);
		assertThat(reader.hasPartialFrame()).isFalse();
		assertRequest(reader.next(), 2, "b");
	}

	/** Hands out its bytes at most a fixed number at a time, counting reads. */
	private static final class Trickle extends InputStream {

		private final ByteArrayInputStream bytes;

		private final int piece;

		int reads;

		Trickle(byte[] bytes, int piece) {
			this.bytes = new ByteArrayInputStream(bytes);
			this.piece = piece;
		}

		@Override
		public int read() {
			this.reads++;
			return this.bytes.read();
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			this.reads++;
			return this.bytes.read(buffer, offset, Math.min(length, this.piece));
		}

	}

	/** Hands out chunks and read timeouts in a given order, then end of stream. */
	private static final class Scripted extends InputStream {

		private final Deque<byte[]> script = new ArrayDeque<>();

		private byte[] current = new byte[0];

		private int at;

		void then(byte[] chunk) {
			this.script.add(chunk);
		}

		void thenTimeout() {
			this.script.add(new byte[0]);
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			return (read(one, 0, 1) < 0) ? -1 : one[0] & 0xff;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			if (this.at == this.current.length) {
				if (this.script.isEmpty()) {
					return -1;
				}
				this.current = this.script.poll();
				this.at = 0;
				if (this.current.length == 0) {
					throw new SocketTimeoutException("Read timed out");
				}
			}
			int n = Math.min(length, this.current.length - this.at);
			System.arraycopy(this.current, this.at, buffer, offset, n);
			this.at += n;
			return n;
		}

	}

}
