package io.sharedstate.custom;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.sharedstate.api.ClassNotAllowedException;
import io.sharedstate.client.ClientOptions;
import io.sharedstate.api.RemoteCause;
import io.sharedstate.api.RemoteFunctionException;
import io.sharedstate.server.ServerOptions;
import io.sharedstate.SharedState;
import io.sharedstate.custom.TestTypes.GetSetter;
import io.sharedstate.custom.TestTypes.Troublemaker;
import io.sharedstate.custom.TestTypes.TroublemakerImpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * What is particular to custom objects used by a client of a manager server: exceptions
 * cross the wire, arguments are decoded under the server's allow-list, and types are
 * registered on the server only.
 */
class RemoteCustomObjectTests {

	private SharedState server;

	private SharedState client;

	private void start(ServerOptions options) {
		this.server = SharedState.serve(options);
		TestTypes.registerAll(this.server);
		this.client = SharedState
			.connect(ClientOptions.create(this.server.address(), "k").withAllowedPackages("io.sharedstate"));
	}

	private void start() {
		start(ServerOptions.create("k").withAllowedPackages("io.sharedstate"));
	}

	@AfterEach
	void close() {
		this.client.close();
		this.server.close();
	}

	@Test
	void jdkExceptionArrivesAsTheSameTypeWithTheServerSideExceptionAsItsCause() {
		start();
		Troublemaker troublemaker = this.client.proxy(TestTypes.TROUBLEMAKER, "t", Troublemaker.class);

		assertThatIllegalArgumentException().isThrownBy(() -> troublemaker.rejectArgument("bad"))
			.withMessage("bad")
			.havingCause()
			.isInstanceOfSatisfying(RemoteCause.class, (cause) -> {
				assertThat(cause.remoteClassName()).isEqualTo(IllegalArgumentException.class.getName());
				assertThat(cause.getStackTrace()[0].getClassName()).isEqualTo(TroublemakerImpl.class.getName());
				assertThat(cause.getStackTrace()[0].getMethodName()).isEqualTo("rejectArgument");
			});
	}

	@Test
	void exceptionOfTheApplicationsOwnTypeArrivesAsRemoteFunctionExceptionNamingIt() {
		start();
		Troublemaker troublemaker = this.client.proxy(TestTypes.TROUBLEMAKER, "t", Troublemaker.class);

		assertThatExceptionOfType(RemoteFunctionException.class).isThrownBy(() -> troublemaker.raiseOwnException("own"))
			.withMessage(TestTypes.TroubleException.class.getName() + " on the manager server: own")
			.havingCause()
			.isInstanceOfSatisfying(RemoteCause.class, (cause) -> assertThat(cause.remoteClassName())
				.isEqualTo(TestTypes.TroubleException.class.getName()));
	}

	@Test
	void checkedExceptionArrivesAsRemoteFunctionExceptionNamingIt() {
		start();
		Troublemaker troublemaker = this.client.proxy(TestTypes.TROUBLEMAKER, "t", Troublemaker.class);

		assertThatExceptionOfType(RemoteFunctionException.class)
			.isThrownBy(() -> troublemaker.raiseChecked("disk gone"))
			.withMessage("java.io.IOException on the manager server: disk gone");
	}

	@Test
	void failingCallLeavesTheObjectAndTheConnectionUsable() {
		start();
		Troublemaker troublemaker = this.client.proxy(TestTypes.TROUBLEMAKER, "t", Troublemaker.class);
		GetSetter value = this.client.proxy(TestTypes.GET_SETTER, "v", GetSetter.class);

		assertThatExceptionOfType(RemoteFunctionException.class).isThrownBy(() -> troublemaker.raiseChecked("x"));
		value.set(1);

		assertThat(value.get()).isEqualTo(1);
		assertThat(troublemaker.toString()).startsWith(TroublemakerImpl.class.getName() + "@");
	}

	@Test
	void registeringOnAClientIsRefusedNamingTheServer() {
		start();

		assertThatIllegalStateException()
			.isThrownBy(() -> this.client.register("Local", GetSetter.class, TestTypes.SimpleGetSetter::new))
			.withMessageContaining("cannot be registered on a client")
			.withMessageContaining(":" + this.server.address().getPort());
		assertThat(this.client.registeredTypes()).isEmpty();
	}

	@Test
	void argumentOfAClassTheServerDoesNotAllowIsRefused() {
		start(ServerOptions.create("k"));
		this.server.register("Ledger", Ledger.class, LedgerImpl::new);
		Ledger ledger = this.client.proxy("Ledger", "l", Ledger.class);

		assertThatExceptionOfType(ClassNotAllowedException.class).isThrownBy(() -> ledger.add(new Entry("rent", 5)))
			.withMessageContaining(Entry.class.getName())
			.withMessageContaining("'io.sharedstate.custom'");
		assertThat(ledger.total()).isZero();
	}

	@Test
	void recordArgumentOfAnAllowedPackageArrivesAsACopy() {
		start();
		this.server.register("Ledger", Ledger.class, LedgerImpl::new);
		Ledger ledger = this.client.proxy("Ledger", "l", Ledger.class);

		ledger.add(new Entry("rent", 5));
		ledger.add(new Entry("food", 3));

		assertThat(ledger.total()).isEqualTo(8);
	}

	@Test
	void proxyTravelsThroughJavaSerialization() throws Exception {
		start();
		GetSetter value = this.client.proxy(TestTypes.GET_SETTER, "v", GetSetter.class);
		value.set(42);

		GetSetter read = (GetSetter) deserialize(serialize(value));

		assertThat(read.get()).isEqualTo(42);
		assertThat(((CustomObject) read).typeId()).isEqualTo(TestTypes.GET_SETTER);
	}

	private static byte[] serialize(Object object) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(object);
		}
		return bytes.toByteArray();
	}

	private static Object deserialize(byte[] bytes) throws Exception {
		try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
			return in.readObject();
		}
	}

	/** An entry of a ledger. */
	public record Entry(String label, int amount) {

	}

	/** Sums entries. */
	public interface Ledger {

		void add(Entry entry);

		int total();

	}

	static final class LedgerImpl implements Ledger {

		private int total;

		@Override
		public void add(Entry entry) {
			this.total += entry.amount();
		}

		@Override
		public int total() {
			return this.total;
		}

	}

}
