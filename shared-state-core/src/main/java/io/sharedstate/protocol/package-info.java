/**
 * The wire protocol between manager server and clients: handshake, frame layout, frame
 * reading and manager-level operation codes.
 */
package io.sharedstate.protocol;
