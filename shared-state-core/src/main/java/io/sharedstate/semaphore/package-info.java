/**
 * Shared semaphores, plain and bounded, whose permits return when the process holding
 * them dies.
 */
package io.sharedstate.semaphore;
