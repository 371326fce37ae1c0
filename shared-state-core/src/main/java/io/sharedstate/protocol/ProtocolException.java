package io.sharedstate.protocol;

import java.io.IOException;

/**
 * A peer broke the protocol: a malformed, oversized or truncated frame, or a wrong
 * version. The connection it arrived on cannot be trusted any more and is closed.
 */
public class ProtocolException extends IOException {

	public ProtocolException(String message) {
		super(message);
	}

}
