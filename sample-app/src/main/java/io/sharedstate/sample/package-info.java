/**
 * The demo application: a manager server and worker JVMs sharing state.
 */
package io.sharedstate.sample;
