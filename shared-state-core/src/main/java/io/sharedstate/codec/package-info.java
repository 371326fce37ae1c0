/**
 * How values and functions travel: tagged fast paths for common types, Kryo with a class
 * allow-list for the rest, references for nested shared objects.
 */
package io.sharedstate.codec;
