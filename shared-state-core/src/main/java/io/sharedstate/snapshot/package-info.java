/**
 * Read-only snapshots: what a plain collection read from shared state comes back as, so
 * that a change that would be lost fails loudly instead.
 */
package io.sharedstate.snapshot;
