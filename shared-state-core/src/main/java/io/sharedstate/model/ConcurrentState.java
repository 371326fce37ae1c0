package io.sharedstate.model;

/**
 * A state whose transitions are safe to run at the same time without the host's monitor,
 * such as one over a concurrent map: its host then runs them unlocked.
 */
public interface ConcurrentState {

}
