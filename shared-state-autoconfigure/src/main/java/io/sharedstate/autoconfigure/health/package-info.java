/**
 * The {@code sharedstate} health indicator.
 */
package io.sharedstate.autoconfigure.health;
