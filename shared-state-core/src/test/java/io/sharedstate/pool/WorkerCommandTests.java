package io.sharedstate.pool;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command lines of worker JVMs.
 */
class WorkerCommandTests {

	@TempDir
	Path directory;

	@Test
	void aWorkerStartsWithThisJavaThePoolsJvmOptionsAndTheClasspath() {
		List<String> command = WorkerCommand.of(
				PoolOptions.processes(1)
					.withJvmOptions("-Xmx64m")
					.withClasspath("a.jar" + File.pathSeparator + "classes"),
				List.of("--child", "127.0.0.1:1", "p", "c0"));
		assertThat(command.get(0)).isEqualTo(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		assertThat(command.subList(1, command.size())).containsExactly("-Xmx64m", "-cp",
				"a.jar" + File.pathSeparator + "classes", PoolWorker.class.getName(), "--child", "127.0.0.1:1", "p",
				"c0");
	}

	@Test
	void aWorkerOfASpringBootExecutableJarStartsThroughTheJarsOwnLauncher() throws IOException {
		Path jar = jar("app.jar", "org.springframework.boot.loader.launch.JarLauncher");
		List<String> command = WorkerCommand.of(PoolOptions.processes(1).withClasspath(jar.toString()), List.of("x"));
		assertThat(command.subList(1, command.size())).containsExactly("-cp", jar.toString(),
				"-Dloader.main=" + PoolWorker.class.getName(),
				"org.springframework.boot.loader.launch.PropertiesLauncher", "x");
	}

	@Test
	void aPlainJarIsAClasspathLikeAnyOther() throws IOException {
		Path jar = jar("plain.jar", "com.example.Main");
		assertThat(WorkerCommand.bootLauncher(jar.toString())).isNull();
		assertThat(WorkerCommand.bootLauncher(this.directory.resolve("missing.jar").toString())).isNull();
	}

	private Path jar(String name, String mainClass) throws IOException {
		Manifest manifest = new Manifest();
		manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
		manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
		Path jar = this.directory.resolve(name);
		try (OutputStream out = Files.newOutputStream(jar);
				JarOutputStream ignored = new JarOutputStream(out, manifest)) {
			// a manifest is all it needs
		}
		return jar;
	}

}
