/**
 * The in-process engine: proxies whose calls run on a host in this JVM, through the same
 * call path the server's clients use.
 */
package io.sharedstate.local;
