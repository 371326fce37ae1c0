/**
 * Serializable functional interfaces: functions that run on the manager server so that
 * read-modify-write operations are atomic across processes.
 */
package io.sharedstate.function;
