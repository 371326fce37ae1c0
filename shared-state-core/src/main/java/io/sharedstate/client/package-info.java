/**
 * The client engine: one pipelined connection to a manager server, shared by every
 * thread, and the handles proxies call through.
 */
package io.sharedstate.client;
