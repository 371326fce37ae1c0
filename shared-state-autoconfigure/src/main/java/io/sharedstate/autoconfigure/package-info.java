/**
 * Spring Boot auto-configuration of shared state: the manager from properties, injection
 * of shared objects, shared objects declared as beans.
 */
package io.sharedstate.autoconfigure;
