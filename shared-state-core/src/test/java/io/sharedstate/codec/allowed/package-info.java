/**
 * Classes of a package the codec tests allow: holders that embed a canary of a package
 * they do not, and a value whose method a function refers to.
 */
package io.sharedstate.codec.allowed;
