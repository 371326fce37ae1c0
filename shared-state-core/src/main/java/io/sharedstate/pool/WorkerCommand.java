package io.sharedstate.pool;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The command line of a worker JVM: this JVM's {@code java}, the pool's JVM options, the
 * classpath (this JVM's unless the pool names one) and {@link PoolWorker} as the main
 * class. An application run from a Spring Boot executable jar keeps its classes and
 * libraries inside the jar; its workers then start through the jar's own launcher, which
 * finds them there.
 */
final class WorkerCommand {

	private static final String BOOT_LOADER = "org.springframework.boot.loader.";

	private WorkerCommand() {
	}

	/**
	 * Builds the command.
	 * @param options the pool's options
	 * @param arguments the arguments of {@link PoolWorker#main}
	 * @return the command
	 */
	static List<String> of(PoolOptions options, List<String> arguments) {
		String classpath = (options.classpath() != null) ? options.classpath() : System.getProperty("java.class.path");
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(options.jvmOptions());
		command.add("-cp");
		command.add(classpath);
		String launcher = bootLauncher(classpath);
		if (launcher != null) {
			command.add("-Dloader.main=" + PoolWorker.class.getName());
			command.add(launcher);
		}
		else {
			command.add(PoolWorker.class.getName());
		}
		command.addAll(arguments);
		return command;
	}

	/**
	 * Returns the launcher that runs another main class from a Spring Boot executable
	 * jar, if the classpath is one.
	 * @param classpath the classpath
	 * @return the {@code PropertiesLauncher} of the jar's loader, or {@code null}
	 */
	static String bootLauncher(String classpath) {
		if (classpath.contains(File.pathSeparator) || !classpath.endsWith(".jar")) {
			return null;
		}
		try (JarFile jar = new JarFile(classpath)) {
			Manifest manifest = jar.getManifest();
			String main = (manifest != null) ? manifest.getMainAttributes().getValue("Main-Class") : null;
			if (main == null || !main.startsWith(BOOT_LOADER)) {
				return null;
			}
			return main.substring(0, main.lastIndexOf('.') + 1) + "PropertiesLauncher";
		}
		catch (IOException ex) {
			return null;
		}
	}

}
