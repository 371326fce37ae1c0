/**
 * Python's pickle format, the part Python's manager protocol uses: a reader that builds
 * only JDK values and the objects its {@link io.sharedstate.python.pickle.PickleGlobals}
 * allow, and a writer of JDK values and named Python calls.
 */
package io.sharedstate.python.pickle;
