/**
 * Annotations that inject shared objects, by name, into fields and constructor or method
 * parameters of Spring beans: {@code @SharedDict("orders") Map<String, Order> orders}.
 */
package io.sharedstate.inject;

import java.util.Map;
