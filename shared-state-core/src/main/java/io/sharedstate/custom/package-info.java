/**
 * Custom shared objects, like Python's {@code BaseManager.register}: a type registered
 * with an interface and a factory on the hosting manager, proxies whose method calls run
 * on the hosted instance, and the nesting of registered types.
 */
package io.sharedstate.custom;
