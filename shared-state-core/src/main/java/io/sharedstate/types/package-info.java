/**
 * The catalog of every shared type, for the engines and servers that host them.
 */
package io.sharedstate.types;
