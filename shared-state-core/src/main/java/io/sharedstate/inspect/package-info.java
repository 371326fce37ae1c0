/**
 * Looking into a manager: live objects and their state, connected clients. What the
 * actuator endpoint and the metrics show.
 */
package io.sharedstate.inspect;
