package io.sharedstate.host;

import io.sharedstate.model.Operation;

/**
 * A call a front-end made on a host, kept while its result may still have to be given
 * back.
 *
 * @param target the object
 * @param operation the operation
 * @param args its arguments
 */
public record CallRecord(HostedObject target, Operation operation, Object[] args) {

}
