/**
 * Python clients: the manager server's second listener, which speaks CPython's
 * {@code multiprocessing.managers} protocol so that a stock {@code SyncManager} client
 * uses the shared objects, dispatching every Python method onto the shared types'
 * interfaces through a {@link io.sharedstate.python.PythonObjectSpace}.
 */
package io.sharedstate.python;
