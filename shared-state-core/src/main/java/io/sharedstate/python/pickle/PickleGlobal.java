package io.sharedstate.python.pickle;

/**
 * What a {@link PickleWriter} writes as a reference to a Python global, such as a class
 * passed as an argument.
 *
 * @param module the module
 * @param name the name in the module
 */
public record PickleGlobal(String module, String name) {

}
