/**
 * The shared dict: a {@link java.util.concurrent.ConcurrentMap} hosted by a manager, its
 * in-process object model, its remote proxy and its server-side operations.
 */
package io.sharedstate.dict;
