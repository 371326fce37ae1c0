package io.sharedstate.memory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Where blocks live and what they may be called. On Linux a block named {@code x} is the
 * file {@code /dev/shm/x}, exactly what Python's {@code SharedMemory(name="x")} opens
 * through {@code shm_open("/x")}. Elsewhere (macOS, Windows), where POSIX shared memory
 * has no path Java can open, blocks are files in a directory of their own under the
 * temporary directory: Java processes share them, Python's blocks are out of reach. The
 * system property {@value #DIRECTORY_PROPERTY} moves them anywhere.
 */
final class BlockFiles {

	/** The system property that names the directory blocks live in. */
	static final String DIRECTORY_PROPERTY = "sharedstate.memory.directory";

	/** Linux's tmpfs for POSIX shared memory. */
	static final Path DEV_SHM = Path.of("/dev/shm");

	/** Like Python's generated names: {@code psm_} and 8 hex digits. */
	private static final String GENERATED_PREFIX = "psm_";

	/** NAME_MAX: the longest file name Linux allows. */
	private static final int MAX_NAME_BYTES = 255;

	private static final SecureRandom random = new SecureRandom();

	private BlockFiles() {
	}

	/**
	 * Returns the directory blocks live in.
	 * @return {@code /dev/shm} on Linux, unless the system property says otherwise
	 */
	static Path directory() {
		String configured = System.getProperty(DIRECTORY_PROPERTY);
		if (configured != null && !configured.isBlank()) {
			return Path.of(configured);
		}
		if (Files.isDirectory(DEV_SHM)) {
			return DEV_SHM;
		}
		return Path.of(System.getProperty("java.io.tmpdir"), "shared-state-memory");
	}

	/**
	 * Returns the file of a block, creating the directory when blocks are not in
	 * {@code /dev/shm} and it does not exist yet.
	 * @param name the block's name
	 * @return the file
	 * @throws IllegalArgumentException if the name cannot be a block's name
	 */
	static Path path(String name) {
		validate(name);
		Path directory = directory();
		if (!Files.isDirectory(directory)) {
			try {
				Files.createDirectories(directory, ownerOnly("rwx------"));
			}
			catch (IOException ex) {
				throw new SharedMemoryException(
						"Cannot create the directory for shared memory blocks " + directory + ": " + ex.getMessage()
								+ ". Set the system property " + DIRECTORY_PROPERTY + " to a writable directory.",
						ex);
			}
		}
		return directory.resolve(name);
	}

	/**
	 * Checks a block's name: what {@code shm_open} accepts after Python's leading slash.
	 * @param name the name
	 * @throws IllegalArgumentException if it is empty, too long, or holds a '/' or NUL
	 */
	static void validate(String name) {
		if (name == null || name.isEmpty()) {
			throw new IllegalArgumentException("A shared memory block needs a non-empty name");
		}
		if (name.indexOf('/') >= 0 || name.indexOf('\0') >= 0 || name.equals(".") || name.equals("..")) {
			throw new IllegalArgumentException("'" + name + "' cannot name a shared memory block: a name is one "
					+ "file name, without '/' or NUL (Python's SharedMemory.name, without the leading '/')");
		}
		if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
			throw new IllegalArgumentException("Shared memory block name '" + name + "' is longer than "
					+ MAX_NAME_BYTES + " bytes, the longest file name Linux allows");
		}
	}

	/**
	 * Returns a fresh name like Python's: {@code psm_} and 8 random hex digits.
	 * @return the name
	 */
	static String generatedName() {
		byte[] bytes = new byte[4];
		random.nextBytes(bytes);
		return GENERATED_PREFIX + HexFormat.of().formatHex(bytes);
	}

	/**
	 * Returns the attribute that makes a new file or directory its owner's only, as
	 * Python's mode 0600 does, where the file system has POSIX permissions.
	 * @param permissions the permissions, like {@code rw-------}
	 * @return the attributes to create with
	 */
	static FileAttribute<?>[] ownerOnly(String permissions) {
		if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
			return new FileAttribute<?>[0];
		}
		return new FileAttribute<?>[] {
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions)) };
	}

	/**
	 * Refuses a block larger than the free space of its file system: tmpfs hands out
	 * pages when they are first written, and a page it cannot give kills the writer with
	 * SIGBUS.
	 * @param directory where the block goes
	 * @param name the block's name
	 * @param size its size
	 */
	static void checkSpace(Path directory, String name, long size) {
		long free;
		try {
			free = Files.getFileStore(directory).getUsableSpace();
		}
		catch (IOException ex) {
			return; // nothing known, nothing refused
		}
		if (size > free) {
			throw new SharedMemoryException("Cannot create shared memory block '" + name + "' of " + size + " bytes: "
					+ directory + " has only " + free + " bytes free, and writing past that would kill "
					+ "the process (SIGBUS). Free space there, or ask for a smaller block.");
		}
	}

}
