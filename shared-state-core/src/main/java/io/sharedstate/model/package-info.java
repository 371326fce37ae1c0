/**
 * The object model every engine and front-end shares: operations, the transitions a
 * type's state runs, the waits a transition parks, and the handle through which a proxy
 * calls its object, wherever it lives.
 */
package io.sharedstate.model;
