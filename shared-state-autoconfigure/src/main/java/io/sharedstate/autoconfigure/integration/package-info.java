/**
 * Spring Integration on shared state: a lock registry of shared locks and a message
 * channel over a shared queue.
 */
package io.sharedstate.autoconfigure.integration;
