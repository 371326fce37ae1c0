package io.sharedstate.sample;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import io.sharedstate.autoconfigure.SharedStateProperties;

/**
 * Starts worker JVMs running this same application as clients of the manager server: from
 * the application's jar when it runs from one, else from its classpath. The authkey
 * travels in the environment, never on the command line.
 */
@Component
class WorkerLauncher {

	private final String authkey;

	WorkerLauncher(SharedStateProperties properties) {
		// From the bound properties, not the environment: a ${random.uuid} there changes
		// on every read.
		this.authkey = properties.getAuthkey();
	}

	Process start(String name, InetSocketAddress server, int workers) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-XX:TieredStopAtLevel=1");
		String classpath = System.getProperty("java.class.path");
		if (classpath.endsWith(".jar") && !classpath.contains(File.pathSeparator)) {
			command.add("-jar");
			command.add(classpath);
		}
		else {
			command.add("-cp");
			command.add(classpath);
			command.add(SampleApplication.class.getName());
		}
		command.addAll(List.of("--sample.role=worker", "--sample.worker-name=" + name, "--sample.workers=" + workers,
				"--shared-state.mode=client", "--shared-state.locks=tallyLock",
				"--shared-state.address=" + server.getHostString() + ":" + server.getPort(),
				"--shared-state.client.fail-fast=true", "--spring.main.web-application-type=none",
				"--spring.main.banner-mode=off", "--logging.level.root=warn"));
		ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
		builder.environment().put("SHARED_STATE_AUTHKEY", this.authkey);
		return builder.start();
	}

}
