/**
 * How values and functions travel: tagged fast paths for common types, Kryo with a class
 * allow-list for the rest (checked for every class decoding touches, by name before
 * loading), references for nested shared objects, and method references rebuilt without
 * the class that created them.
 */
package io.sharedstate.codec;
