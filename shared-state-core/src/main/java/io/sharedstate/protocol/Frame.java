package io.sharedstate.protocol;

import com.esotericsoftware.kryo.io.Input;

/**
 * A frame just read: its header fields and its body, positioned for reading. Valid until
 * the next frame is read from the same reader.
 *
 * @param kind the frame kind
 * @param requestId the request id
 * @param op the operation code
 * @param objectId the target object id
 * @param body the body
 */
public record Frame(byte kind, int requestId, int op, int objectId, Input body) {

}
