/**
 * The manager ({@link io.sharedstate.SharedState}), its options and the exceptions it
 * reports.
 */
package io.sharedstate;
