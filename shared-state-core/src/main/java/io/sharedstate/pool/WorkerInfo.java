package io.sharedstate.pool;

import java.time.Instant;

/**
 * One worker of a pool.
 *
 * @param id the worker's id within the pool
 * @param pid its process id, or -1 before it said hello
 * @param host its host name
 * @param joined whether it joined the pool (rather than being started by it)
 * @param ready whether it finished starting (and ran the initializer)
 * @param task the id of the task it runs, or -1 when idle
 * @param taskStarted when that task was sent to it, or {@code null}
 * @param tasksRun how many tasks it has finished
 */
public record WorkerInfo(String id, long pid, String host, boolean joined, boolean ready, long task,
		Instant taskStarted, long tasksRun) {

}
