/**
 * Shared single values and counters: their in-process object model, remote proxies and
 * server-side operations.
 */
package io.sharedstate.value;
