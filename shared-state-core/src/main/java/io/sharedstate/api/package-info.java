/**
 * What every part of shared-state speaks: the shared object's base interface, its type,
 * and the exceptions callers catch.
 */
package io.sharedstate.api;
