/**
 * Same-host shared memory in Spring: blocks declared by properties become beans of their
 * name, and {@code @SharedMemoryBlock} injects them.
 */
package io.sharedstate.autoconfigure.memory;
