/**
 * Shared blocking queues and joinable queues, whose items are never lost with a dying
 * consumer.
 */
package io.sharedstate.queue;
