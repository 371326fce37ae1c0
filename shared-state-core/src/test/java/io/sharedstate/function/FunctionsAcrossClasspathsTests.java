package io.sharedstate.function;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sharedstate.SharedState;
import io.sharedstate.api.SharedObject;
import io.sharedstate.client.ClientOptions;
import io.sharedstate.dict.SharedDict;
import io.sharedstate.process.ChildJvm;
import io.sharedstate.process.Children;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Functions sent by a client in its own package ({@code com.example}) to a manager server
 * whose JVM has only shared-state-core and its dependencies on the classpath, as a user's
 * would: the README's example as written, {@link SharedFunctions}, and what a lambda of
 * the client's needs. The client's classes are compiled here into a directory only the
 * client JVM sees. A second server allows {@code com.example} and has its value class
 * {@code com.example.orders.Order}, but not the client's classes.
 */
class FunctionsAcrossClasspathsTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private static final String AUTHKEY = "secret";

	/**
	 * Java-visible classes of core's dependencies, whose jars a server's classpath holds.
	 */
	private static final List<String> CORE_AND_DEPENDENCIES = List.of("io.sharedstate.SharedState",
			"com.esotericsoftware.kryo.Kryo", "com.esotericsoftware.minlog.Log",
			"com.esotericsoftware.reflectasm.FieldAccess", "org.objenesis.Objenesis", "org.slf4j.Logger",
			"org.slf4j.simple.SimpleLogger", "io.netty.handler.ssl.SslHandler", "io.netty.util.NettyRuntime",
			"io.netty.resolver.AddressResolver", "io.netty.buffer.ByteBuf", "io.netty.channel.Channel",
			"io.netty.channel.unix.Socket", "io.netty.handler.codec.ByteToMessageDecoder",
			"io.netty.channel.epoll.Epoll");

	private static final String CLIENTS = """
			package com.example;

			import java.net.InetSocketAddress;
			import java.util.List;

			import io.sharedstate.SharedState;
			import io.sharedstate.client.ClientOptions;
			import io.sharedstate.dict.SharedDict;
			import io.sharedstate.function.SharedFunctions;
			import io.sharedstate.value.SharedValue;

			import com.example.orders.Order;

			public class Clients {

				public static Long add(Long a, Long b) {
					return a + b;
				}

				public static void main(String[] args) {
					int colon = args[1].lastIndexOf(':');
					InetSocketAddress address = new InetSocketAddress(args[1].substring(0, colon),
							Integer.parseInt(args[1].substring(colon + 1)));
					try (SharedState manager = SharedState
						.connect(ClientOptions.create(address, "secret").withAllowedPackages("com.example.orders"))) {
						SharedDict<String, Long> hits = manager.dict("client-hits");
						switch (args[0]) {
							case "shared-functions" -> {
								hits.merge("home", 1L, SharedFunctions.sum());
								hits.merge("home", 1L, SharedFunctions.sum());
								SharedDict<String, Integer> best = manager.dict("best");
								best.merge("alice", 7, SharedFunctions.max());
								best.merge("alice", 3, SharedFunctions.max());
								SharedDict<String, String> log = manager.dict("text");
								log.merge("today", "a", SharedFunctions.concat());
								log.merge("today", "b", SharedFunctions.concat());
								SharedDict<String, List<String>> tags = manager.dict("tags");
								tags.merge("order", List.of("paid"), SharedFunctions.addAll());
								tags.merge("order", List.of("sent"), SharedFunctions.addAll());
								SharedValue<Long> total = manager.value("total", 10L);
								total.accumulateAndGet(5L, SharedFunctions.sum());
								System.out.println("hits=" + hits.get("home"));
								System.out.println("best=" + best.get("alice"));
								System.out.println("text=" + log.get("today"));
								System.out.println("tags=" + tags.get("order"));
								System.out.println("total=" + total.updateAndGet(SharedFunctions.increment()));
							}
							case "jdk-method-references" -> {
								hits.merge("max", 3L, Math::max);
								hits.merge("max", 2L, Math::max);
								SharedDict<String, String> text = manager.dict("jdk-text");
								text.merge("k", "a", String::concat);
								text.merge("k", "b", String::concat);
								System.out.println("max=" + hits.get("max"));
								System.out.println("text=" + text.get("k"));
							}
							case "allowed-method-reference" -> {
								SharedDict<String, Order> orders = manager.dict("orders");
								orders.merge("o", new Order(2), Order::combine);
								orders.merge("o", new Order(3), Order::combine);
								System.out.println("quantity=" + orders.get("o").quantity());
							}
							case "lambda" -> report(() -> hits.merge("k", 1L, (a, b) -> a + b));
							case "own-method-reference" -> report(() -> hits.merge("k", 1L, Clients::add));
							default -> throw new IllegalArgumentException(args[0]);
						}
					}
				}

				private static void report(Runnable call) {
					try {
						call.run();
						System.out.println("error=none");
					}
					catch (RuntimeException ex) {
						System.out.println("error=" + ex.getClass().getName() + ": " + ex.getMessage());
					}
				}

			}
			""";

	private static final String ORDER = """
			package com.example.orders;

			public record Order(int quantity) {

				public Order combine(Order other) {
					return new Order(this.quantity + other.quantity);
				}

			}
			""";

	@TempDir
	static Path directory;

	private static String serverClasspath;

	private static String clientClasspath;

	private static ChildJvm readmeServer;

	private static String readmeServerAddress;

	private static ChildJvm allowingServer;

	private static String allowingServerAddress;

	@BeforeAll
	static void compileTheReadmeAndTheClientsAndStartTheServers() throws IOException {
		String core = CORE_AND_DEPENDENCIES.stream()
			.map(FunctionsAcrossClasspathsTests::codeSource)
			.distinct()
			.collect(Collectors.joining(File.pathSeparator));
		String[] readme = readmeExample();
		Path serverClasses = compile("server", core, Map.of("readme/ReadmeServer.java", """
				package readme;

				import java.net.InetSocketAddress;
				import java.util.concurrent.CountDownLatch;

				import io.sharedstate.SharedState;
				import io.sharedstate.server.ServerOptions;

				public class ReadmeServer {

					public static void main(String[] args) throws InterruptedException {
						int port = 0;
				%s
						System.out.println("READY 127.0.0.1:" + server.address().getPort());
						new CountDownLatch(1).await();
					}

				}
				""".formatted(readme[0])));
		Path orderClasses = compile("orders", core, Map.of("com/example/orders/Order.java", ORDER));
		String coreAndOrders = core + File.pathSeparator + orderClasses;
		Path clientClasses = compile("client", coreAndOrders, Map.of("com/example/Readme.java", """
				package com.example;

				import java.net.InetSocketAddress;

				import io.sharedstate.SharedState;
				import io.sharedstate.dict.SharedDict;
				import io.sharedstate.list.SharedList;

				public class Readme {

					public static void main(String[] args) throws Exception {
						int port = Integer.parseInt(args[0]);
				%s
					}

				}
				""".formatted(readme[1]), "com/example/Clients.java", CLIENTS));
		serverClasspath = core + File.pathSeparator + serverClasses;
		clientClasspath = coreAndOrders + File.pathSeparator + clientClasses;

		readmeServer = ChildJvm.start(serverClasspath, "readme.ReadmeServer", Map.of());
		allowingServer = ChildJvm.start(coreAndOrders, "io.sharedstate.server.StandaloneServer",
				Map.of("SHARED_STATE_AUTHKEY", AUTHKEY), "127.0.0.1:0", "com.example");
		readmeServerAddress = readmeServer.awaitLine("READY", TIMEOUT).substring("READY ".length());
		allowingServerAddress = allowingServer.awaitLine("READY", TIMEOUT).substring("READY ".length());
	}

	@AfterAll
	static void stopTheServers() {
		readmeServer.close();
		allowingServer.close();
	}

	@Test
	void readmeExampleRunsAsWrittenAgainstAServerWithoutTheClientsClasses() {
		String port = readmeServerAddress.substring(readmeServerAddress.lastIndexOf(':') + 1);
		ChildJvm.start(clientClasspath, "com.example.Readme", Map.of(), port).await(TIMEOUT).assertSuccess();
		ChildJvm.start(clientClasspath, "com.example.Readme", Map.of(), port).await(TIMEOUT).assertSuccess();
		try (SharedState manager = SharedState
			.connect(ClientOptions.create(Children.address(readmeServerAddress), AUTHKEY))) {
			assertThat(manager.<String, Long>dict("hits").get("home")).isEqualTo(2L);
			SharedDict<String, Object> board = manager.dict("board");
			assertThat(board.get("log")).isInstanceOfSatisfying(SharedObject.class,
					(log) -> assertThat(log.name()).isEqualTo("log"));
		}
	}

	@Test
	void sharedFunctionsRunOnAServerWithoutTheClientsClasses() {
		ChildJvm.Result result = client("shared-functions", readmeServerAddress);
		assertThat(result.value("hits")).isEqualTo("2");
		assertThat(result.value("best")).isEqualTo("7");
		assertThat(result.value("text")).isEqualTo("ab");
		assertThat(result.value("tags")).isEqualTo("[paid, sent]");
		assertThat(result.value("total")).isEqualTo("16");
	}

	@Test
	void jdkMethodReferencesRunOnAServerWithoutTheClientsClasses() {
		ChildJvm.Result result = client("jdk-method-references", readmeServerAddress);
		assertThat(result.value("max")).isEqualTo("3");
		assertThat(result.value("text")).isEqualTo("ab");
	}

	@Test
	void methodReferenceToAnAllowedClassOnTheServerRunsWithoutTheCallersClass() {
		assertThat(client("allowed-method-reference", allowingServerAddress).value("quantity")).isEqualTo("5");
	}

	@Test
	void lambdaOfAClassTheServerDoesNotAllowIsRefusedNamingTheClassAndBothFixes() {
		assertThat(client("lambda", readmeServerAddress).value("error"))
			.startsWith("io.sharedstate.api.ClassNotAllowedException: Refusing to run a lambda of com.example.Clients")
			.contains("'com.example'")
			.contains("shared-state.allowed-packages")
			.contains("ServerOptions.withAllowedPackages")
			.contains("put com.example.Clients on the server's classpath")
			.contains("SharedFunctions");
	}

	@Test
	void lambdaOfAnAllowedClassTheServerLacksFailsNamingTheClassAndTheClasspath() {
		assertThat(client("lambda", allowingServerAddress).value("error"))
			.startsWith("io.sharedstate.api.MissingClassException: Cannot run a lambda of com.example.Clients")
			.contains("not on the classpath")
			.contains("Put the jar that holds com.example.Clients on the manager server's classpath")
			.contains("SharedFunctions");
	}

	@Test
	void methodReferenceToAnAllowedClassTheServerLacksFailsNamingTheClass() {
		assertThat(client("own-method-reference", allowingServerAddress).value("error"))
			.startsWith("io.sharedstate.api.MissingClassException: Cannot run the method reference "
					+ "com.example.Clients::add")
			.contains("not on the classpath")
			.contains("on the manager server's classpath");
	}

	private static ChildJvm.Result client(String scenario, String serverAddress) {
		return ChildJvm.start(clientClasspath, "com.example.Clients", Map.of(), scenario, serverAddress)
			.await(TIMEOUT)
			.assertSuccess();
	}

	/**
	 * Returns the README's example that uses {@code hits.merge}, split into the server's
	 * part and the client's, with the port as a variable: {@code port}.
	 */
	private static String[] readmeExample() throws IOException {
		String readme = Files.readString(Path.of("").toAbsolutePath().getParent().resolve("README.md"));
		Matcher blocks = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(readme);
		while (blocks.find()) {
			String block = blocks.group(1);
			int split = block.indexOf("// any other process");
			if (block.contains("hits.merge") && split > 0) {
				String[] parts = { block.substring(0, split), block.substring(split) };
				for (String part : parts) {
					assertThat(part).as("README example part names port 5000").contains("5000");
				}
				return Stream.of(parts).map((part) -> part.replace("5000", "port")).toArray(String[]::new);
			}
		}
		throw new AssertionError("README.md has no java example with hits.merge and '// any other process'");
	}

	private static Path compile(String name, String classpath, Map<String, String> sources) throws IOException {
		Path sourceDirectory = directory.resolve(name + "-sources");
		Path classes = directory.resolve(name + "-classes");
		Files.createDirectories(classes);
		List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-cp", classpath));
		for (Map.Entry<String, String> source : sources.entrySet()) {
			Path file = sourceDirectory.resolve(source.getKey());
			Files.createDirectories(file.getParent());
			Files.writeString(file, source.getValue());
			arguments.add(file.toString());
		}
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		ByteArrayOutputStream errors = new ByteArrayOutputStream();
		int status = compiler.run(null, null, errors, arguments.toArray(String[]::new));
		assertThat(status).as(errors.toString(StandardCharsets.UTF_8)).isZero();
		return classes;
	}

	private static String codeSource(String className) {
		try {
			return Path.of(Class.forName(className).getProtectionDomain().getCodeSource().getLocation().toURI())
				.toString();
		}
		catch (ClassNotFoundException | URISyntaxException ex) {
			throw new IllegalStateException("Cannot find the classpath entry of " + className, ex);
		}
	}

}
