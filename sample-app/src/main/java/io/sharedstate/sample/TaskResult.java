package io.sharedstate.sample;

/**
 * What a worker stores for one task: a plain record, no registration needed.
 *
 * @param task the task number
 * @param square the task's result
 * @param worker the worker that ran it
 */
public record TaskResult(int task, long square, String worker) {

}
