/**
 * Process pools: an {@link java.util.concurrent.ExecutorService} whose tasks run in
 * worker JVMs connected to the same manager, like Python's {@code Pool}. The process that
 * creates a pool dispatches its tasks; workers are child JVMs it starts, or processes
 * that join the pool by name.
 */
package io.sharedstate.pool;
