package io.sharedstate.autoconfigure.crossprocess;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The classpath of one application of an example, as a user would have it: the libraries
 * of this test run (the starter and its dependencies), without this module's test
 * classes, plus a directory holding only the packages the application is made of and its
 * own {@code application.properties}.
 */
final class ApplicationClasspath {

	private static final Path TEST_CLASSES = testClasses();

	private ApplicationClasspath() {
	}

	/**
	 * Builds an application's classpath.
	 * @param directory where to put the application's classes, a new empty directory
	 * @param resources the test resource directory whose files become the application's
	 * resources (its {@code application.properties})
	 * @param packages the packages of this module's test classes that the application has
	 * @return the classpath
	 */
	static String of(Path directory, String resources, String... packages) {
		try {
			for (String name : packages) {
				Path source = TEST_CLASSES.resolve(name.replace('.', '/'));
				Path target = directory.resolve(name.replace('.', '/'));
				Files.createDirectories(target);
				try (Stream<Path> files = Files.list(source)) {
					for (Path file : files.toList()) {
						Files.copy(file, target.resolve(file.getFileName().toString()));
					}
				}
			}
			try (Stream<Path> files = Files.list(TEST_CLASSES.resolve(resources))) {
				for (Path file : files.toList()) {
					Files.copy(file, directory.resolve(file.getFileName().toString()));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<String> entries = new ArrayList<>(
				Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
					.filter((entry) -> !Path.of(entry).toAbsolutePath().equals(TEST_CLASSES))
					.toList());
		entries.add(directory.toString());
		return String.join(File.pathSeparator, entries);
	}

	private static Path testClasses() {
		try {
			return Path.of(ApplicationClasspath.class.getProtectionDomain().getCodeSource().getLocation().toURI())
				.toAbsolutePath();
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
