/**
 * What applications write to use shared state in Spring: the {@link Inject} annotations
 * that inject shared objects by name.
 */
package io.sharedstate.spring;
