/**
 * The engine boundary: where shared objects live (in-process, behind a server, in a
 * cluster) and the per-type support every engine builds on.
 */
package io.sharedstate.engine;
