package io.sharedstate.memory;

/**
 * A shared memory block as a manager shows it, for tools such as the actuator endpoint.
 *
 * @param name the block's name
 * @param size its size in bytes
 * @param created whether this process created it (and will unlink it when the manager
 * closes)
 * @param linked whether other processes can still attach to it; false once someone
 * unlinked it
 */
public record BlockInfo(String name, long size, boolean created, boolean linked) {

}
