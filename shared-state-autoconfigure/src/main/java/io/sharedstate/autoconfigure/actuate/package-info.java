/**
 * The {@code sharedstate} actuator endpoint.
 */
package io.sharedstate.autoconfigure.actuate;
