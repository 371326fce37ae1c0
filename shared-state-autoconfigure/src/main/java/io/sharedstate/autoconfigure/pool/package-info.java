/**
 * Process pools declared by properties ({@code shared-state.pools.<name>.*}), injected by
 * name, and their task metrics.
 */
package io.sharedstate.autoconfigure.pool;
