/**
 * The engine boundary: where shared objects live — in this JVM, behind a manager server,
 * in a cluster. An engine opens proxies over the object model's handles; it names no
 * shared type and no other engine.
 */
package io.sharedstate.engine;
