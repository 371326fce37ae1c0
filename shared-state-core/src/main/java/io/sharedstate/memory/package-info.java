/**
 * Same-host shared memory without a server: named blocks in {@code /dev/shm} that
 * Python's {@code multiprocessing.shared_memory} opens too, {@link ShareableList} in
 * Python's exact layout, typed values and arrays like {@code sharedctypes}, and a lock in
 * shared memory that survives the death of its holder. See docs/shared-memory.md.
 */
package io.sharedstate.memory;
