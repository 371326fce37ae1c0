/**
 * Serializable functional interfaces, for functions that run on the manager server so
 * that read-modify-write operations are atomic across processes, and
 * {@link io.sharedstate.function.SharedFunctions}, ready-made ones that run on any
 * server.
 */
package io.sharedstate.function;
