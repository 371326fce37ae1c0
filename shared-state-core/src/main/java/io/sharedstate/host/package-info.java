/**
 * Hosts shared objects in this JVM for every front-end: objects by name and id, the one
 * call path {@code invoke(object, operation, args, context)}, parked calls and their
 * timeouts, give-backs, and client sessions with their grace period. The in-process
 * engine, the binary protocol's server and the Python front-end all call through it.
 */
package io.sharedstate.host;
