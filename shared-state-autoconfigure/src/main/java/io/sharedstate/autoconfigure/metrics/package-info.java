/**
 * Micrometer metrics of shared-state operations, locks, objects, clients and queues.
 */
package io.sharedstate.autoconfigure.metrics;
