package io.sharedstate.pool;

import java.util.List;

/**
 * A pool as its creating process sees it at one moment, for tools that show it.
 *
 * @param name the pool's name
 * @param state {@code running}, {@code shutdown}, {@code broken} or {@code terminated}
 * @param processes how many worker JVMs the pool keeps running
 * @param workers the connected workers, started and joined
 * @param queued tasks waiting for a worker
 * @param running tasks running on a worker
 * @param completed tasks that returned a result
 * @param failed tasks that failed (threw, timed out, lost their worker twice, or were
 * cancelled by {@code shutdownNow})
 */
public record PoolInfo(String name, String state, int processes, List<WorkerInfo> workers, int queued, int running,
		long completed, long failed) {

}
