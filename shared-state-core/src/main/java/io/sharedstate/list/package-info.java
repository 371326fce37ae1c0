/**
 * The shared list: a {@link java.util.List} hosted by a manager, its in-process object
 * model, its remote proxy and its server-side operations.
 */
package io.sharedstate.list;
