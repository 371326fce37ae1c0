/**
 * Shared events: a flag that threads of any process wait for.
 */
package io.sharedstate.event;
