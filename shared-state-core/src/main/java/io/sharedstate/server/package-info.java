/**
 * The manager server: accepts and authenticates connections, runs their requests against
 * the local engine, enforces the protocol's limits.
 */
package io.sharedstate.server;
