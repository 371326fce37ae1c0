/**
 * Shared cyclic barriers, broken for everyone when a waiting process dies.
 */
package io.sharedstate.barrier;
