package io.sharedstate.protocol;

import java.io.IOException;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.Arrays;
import java.util.List;

import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import org.junit.jupiter.api.Test;

import io.sharedstate.api.RemoteCause;
import io.sharedstate.api.RemoteFunctionException;
import io.sharedstate.api.SharedStateException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ErrorRepliesTests {

	private static RuntimeException roundTrip(Throwable failure) {
		Output output = new Output(256, -1);
		ErrorReplies.write(output, failure);
		Input input = new Input(output.toBytes());
		RuntimeException read = ErrorReplies.read(input);
		assertThat(input.position()).isEqualTo(input.limit());
		return read;
	}

	@Test
	void jdkExceptionComesBackAsTheSameTypeWithTheServerSideExceptionAsCause() {
		IllegalArgumentException thrown = new IllegalArgumentException("no cell (12, 3)");

		RuntimeException read = roundTrip(thrown);

		assertThat(read).isExactlyInstanceOf(IllegalArgumentException.class).hasMessage("no cell (12, 3)");
		assertThat(read.getCause()).isInstanceOfSatisfying(RemoteCause.class, (cause) -> {
			assertThat(cause.remoteClassName()).isEqualTo(IllegalArgumentException.class.getName());
			assertThat(cause.remoteMessage()).isEqualTo("no cell (12, 3)");
			assertThat(cause).hasMessage("java.lang.IllegalArgumentException: no cell (12, 3)");
			assertThat(frames(cause)).containsExactlyElementsOf(frames(thrown));
		});
	}

	@Test
	void unknownExceptionTypeComesBackAsRemoteFunctionExceptionNamingTheServerSideClass() {
		RuntimeException read = roundTrip(new MatrixFullException("full"));

		assertThat(read).isExactlyInstanceOf(RemoteFunctionException.class)
			.hasMessage(MatrixFullException.class.getName() + " on the manager server: full");
		assertThat(((RemoteCause) read.getCause()).remoteClassName()).isEqualTo(MatrixFullException.class.getName());
	}

	@Test
	void causeChainOfTheServerSideExceptionTravels() {
		IOException root = new IOException("disk gone");
		RuntimeException read = roundTrip(new IllegalStateException("cannot save", root));

		RemoteCause cause = (RemoteCause) read.getCause();
		assertThat(cause.getCause()).isInstanceOfSatisfying(RemoteCause.class, (rootCause) -> {
			assertThat(rootCause.remoteClassName()).isEqualTo("java.io.IOException");
			assertThat(rootCause.remoteMessage()).isEqualTo("disk gone");
			assertThat(frames(rootCause)).containsExactlyElementsOf(frames(root));
			assertThat(rootCause.getCause()).isNull();
		});
	}

	@Test
	void checkedExceptionCarriedByUndeclaredThrowableExceptionTravelsAsItself() {
		RuntimeException read = roundTrip(new UndeclaredThrowableException(new IOException("disk gone")));

		assertThat(read).isExactlyInstanceOf(RemoteFunctionException.class)
			.hasMessage("java.io.IOException on the manager server: disk gone");
	}

	@Test
	void nullMessageTravelsAsNull() {
		RuntimeException read = roundTrip(new NullPointerException());

		assertThat(read).isExactlyInstanceOf(NullPointerException.class).hasMessage(null);
		assertThat(read.getCause()).hasMessage("java.lang.NullPointerException");
	}

	@Test
	void deepStacksAndLongCauseChainsAreBounded() {
		Throwable failure = deepStack(500);
		for (int i = 0; i < 20; i++) {
			failure = new IllegalStateException("level " + i, failure);
		}

		RuntimeException read = roundTrip(failure);

		int causes = 0;
		for (Throwable cause = read.getCause(); cause != null; cause = cause.getCause()) {
			assertThat(cause.getStackTrace()).hasSizeLessThanOrEqualTo(ErrorReplies.MAX_FRAMES);
			causes++;
		}
		assertThat(causes).isEqualTo(ErrorReplies.MAX_CAUSES);
	}

	@Test
	void replyClaimingMoreFramesThanAServerSendsIsRefused() {
		Output output = new Output(64, -1);
		output.writeString("java.lang.IllegalStateException");
		output.writeString("boom");
		output.writeVarInt(ErrorReplies.MAX_FRAMES + 1, true);

		assertThatExceptionOfType(SharedStateException.class)
			.isThrownBy(() -> ErrorReplies.read(new Input(output.toBytes())))
			.withMessageContaining("Malformed error reply");
	}

	/** The frames a reply carries: the top of the stack, without module details. */
	private static List<String> frames(Throwable failure) {
		return Arrays.stream(failure.getStackTrace())
			.limit(ErrorReplies.MAX_FRAMES)
			.map((frame) -> frame.getClassName() + "." + frame.getMethodName() + "(" + frame.getFileName() + ":"
					+ frame.getLineNumber() + ")")
			.toList();
	}

	private static Throwable deepStack(int depth) {
		if (depth == 0) {
			return new IllegalStateException("deep");
		}
		return deepStack(depth - 1);
	}

	static final class MatrixFullException extends RuntimeException {

		MatrixFullException(String message) {
			super(message);
		}

	}

}
