package io.sharedstate.autoconfigure.diagnostics;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import io.sharedstate.SharedState;
import io.sharedstate.autoconfigure.SharedStateAutoConfiguration;
import io.sharedstate.autoconfigure.TestServers;
import io.sharedstate.process.Children;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * What Spring Boot prints when shared state keeps an application from starting: real
 * applications run through {@link SpringApplication}, so the failure analyzers are found
 * as Boot finds them.
 */
@ExtendWith(OutputCaptureExtension.class)
class FailureAnalysisTests {

	@Test
	void misspeltModeFailsNamingThePropertyTheValueAndTheModes(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--shared-state.mode=serverr"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("shared-state.mode")
			.contains("serverr")
			.contains("EMBEDDED", "SERVER", "CLIENT")
			.doesNotContain("required a bean of type");
	}

	@Test
	void unreachableServerInFailFastModeFailsNamingTheAddressAndFailFast(CapturedOutput output) {
		String address = "127.0.0.1:" + TestServers.freePort();
		assertThatException().isThrownBy(() -> run("--shared-state.mode=client", "--shared-state.address=" + address,
				"--shared-state.authkey=" + TestServers.AUTHKEY, "--shared-state.client.fail-fast=true"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("did not answer while the application started")
			.contains("set shared-state.address to the host:port it listens on (now '" + address + "')")
			.contains("set shared-state.client.fail-fast=false");
	}

	@Test
	void sharedObjectUsedAtStartupBeforeTheServerAnswersFailsSayingSo(CapturedOutput output) {
		String address = "127.0.0.1:" + TestServers.freePort();
		assertThatException().isThrownBy(() -> run(UsesADictAtStartup.class, "--shared-state.mode=client",
				"--shared-state.address=" + address, "--shared-state.authkey=" + TestServers.AUTHKEY));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("A bean used a shared object while the application started, before its manager server answered")
			.contains("(now '" + address + "')")
			.contains("use shared objects once the application has started")
			.doesNotContain("fail-fast=false");
	}

	@Test
	void wrongAuthkeyFailsNamingTheAuthkeyProperty(CapturedOutput output) {
		try (SharedState server = TestServers.start()) {
			assertThatException().isThrownBy(() -> run("--shared-state.mode=client",
					"--shared-state.address=" + Children.hostPort(server.address()),
					"--shared-state.authkey=not-the-servers", "--shared-state.client.fail-fast=true"));
		}
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("did not accept this application's authkey")
			.contains("Set shared-state.authkey to the secret that the manager server uses");
	}

	@Test
	void serverAddressInUseFailsNamingTheAddressProperty(CapturedOutput output) throws IOException {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			String address = "127.0.0.1:" + taken.getLocalPort();
			assertThatException().isThrownBy(() -> run("--shared-state.mode=server",
					"--shared-state.address=" + address, "--shared-state.authkey=" + TestServers.AUTHKEY));
			assertThat(output).contains("APPLICATION FAILED TO START")
				.contains("Invalid value '" + address + "' for configuration property 'shared-state.address'")
				.contains("Cannot listen on " + address);
		}
	}

	private static void run(String... args) {
		run(Application.class, args);
	}

	private static void run(Class<?> configuration, String... args) {
		SpringApplication application = new SpringApplication(configuration);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setBannerMode(Banner.Mode.OFF);
		application.run(args);
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(SharedStateAutoConfiguration.class)
	static class Application {

		Application(SharedState manager) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(SharedStateAutoConfiguration.class)
	static class UsesADictAtStartup {

		UsesADictAtStartup(SharedState manager) {
			manager.dict("greetings").put("from", "startup");
		}

	}

}
