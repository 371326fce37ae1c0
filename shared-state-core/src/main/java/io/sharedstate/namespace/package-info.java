/**
 * The shared namespace: named attributes hosted by a manager.
 */
package io.sharedstate.namespace;
