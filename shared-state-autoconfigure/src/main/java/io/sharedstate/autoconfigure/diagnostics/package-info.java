/**
 * Failure analyzers: what Spring Boot prints when shared state stops an application from
 * starting, with the property to change.
 */
package io.sharedstate.autoconfigure.diagnostics;
