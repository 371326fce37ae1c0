package io.sharedstate.model;

/**
 * Something that names its type in messages more precisely than its
 * {@link io.sharedstate.api.SharedType} does: a custom object names its type id.
 */
public interface Labelled {

	/**
	 * Returns the label, such as {@code 'matrix' object}.
	 * @return the label
	 */
	String label();

}
