/**
 * Classes in a package the bypass tests allow, each embedding a canary of a package they
 * do not.
 */
package io.sharedstate.codec.allowed;
