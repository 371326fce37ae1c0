package io.sharedstate.memory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Unique block names for one test JVM, and the check that the tests left none of them
 * behind: every name starts with a prefix of this run, and after each test class no file
 * in the blocks' directory may carry it (leftovers are removed, and the class fails).
 */
public final class TestBlocks implements AfterAllCallback {

	/** The prefix of every block name this test JVM makes up. */
	static final String PREFIX = "sst-" + ProcessHandle.current().pid() + "-"
			+ Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xfffff)) + "-";

	private static final AtomicInteger counter = new AtomicInteger();

	/**
	 * Returns a name nobody else uses.
	 * @param label what the block is for, to read in failures
	 * @return the name
	 */
	public static String name(String label) {
		return PREFIX + counter.incrementAndGet() + "-" + label;
	}

	/**
	 * Returns whether a block of that name exists.
	 * @param name the name
	 * @return whether its file exists
	 */
	public static boolean exists(String name) {
		return Files.exists(BlockFiles.directory().resolve(name));
	}

	/**
	 * Removes a block if it exists, for finally blocks.
	 * @param name the name
	 */
	public static void remove(String name) {
		try {
			Files.deleteIfExists(BlockFiles.directory().resolve(name));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void afterAll(ExtensionContext context) throws IOException {
		List<Path> left;
		try (Stream<Path> files = Files.list(BlockFiles.directory())) {
			left = files.filter((file) -> file.getFileName().toString().startsWith(PREFIX)).toList();
		}
		for (Path file : left) {
			Files.deleteIfExists(file);
		}
		if (!left.isEmpty()) {
			throw new AssertionError(context.getDisplayName() + " left shared memory blocks behind: " + left);
		}
	}

}
