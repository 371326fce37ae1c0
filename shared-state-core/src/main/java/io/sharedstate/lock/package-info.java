/**
 * Shared locks: non-reentrant and reentrant locks held by a thread of a process, released
 * by the server when the holding process dies.
 */
package io.sharedstate.lock;
