package io.sharedstate.python;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The arguments of one Python call, positional and by keyword, read as Python binds them
 * to parameters; misuse is a Python {@code TypeError} naming the method.
 */
final class Args {

	private final String method;

	private final List<Object> positional;

	private final Map<String, Object> keywords;

	Args(String method, List<Object> positional, Map<String, Object> keywords) {
		this.method = method;
		this.positional = positional;
		this.keywords = keywords;
	}

	static Args none(String method) {
		return new Args(method, List.of(), Map.of());
	}

	/**
	 * Checks that no more arguments were given than the parameters named.
	 * @param parameters the parameter names, in order
	 * @return these arguments
	 */
	Args accept(String... parameters) {
		if (this.positional.size() > parameters.length) {
			throw PythonException.typeError(this.method + "() takes at most " + parameters.length + " argument"
					+ ((parameters.length == 1) ? "" : "s") + " (" + this.positional.size() + " given)");
		}
		if (!this.keywords.isEmpty()) {
			Set<String> names = Set.of(parameters);
			for (String keyword : this.keywords.keySet()) {
				if (!names.contains(keyword)) {
					throw PythonException
						.typeError(this.method + "() got an unexpected keyword argument '" + keyword + "'");
				}
			}
		}
		return this;
	}

	/**
	 * Returns whether a parameter was given.
	 * @param index its position
	 * @param name its name
	 * @return whether it was given, by position or keyword
	 */
	boolean has(int index, String name) {
		return index < this.positional.size() || this.keywords.containsKey(name);
	}

	/**
	 * Returns a required parameter.
	 * @param index its position
	 * @param name its name
	 * @return the argument
	 */
	Object get(int index, String name) {
		if (!has(index, name)) {
			throw PythonException.typeError(this.method + "() missing required argument '" + name + "'");
		}
		return get(index, name, null);
	}

	/**
	 * Returns an optional parameter.
	 * @param index its position
	 * @param name its name
	 * @param defaultValue its default
	 * @return the argument, or the default
	 */
	Object get(int index, String name, Object defaultValue) {
		if (index < this.positional.size()) {
			if (this.keywords.containsKey(name)) {
				throw PythonException.typeError(this.method + "() got multiple values for argument '" + name + "'");
			}
			return this.positional.get(index);
		}
		return this.keywords.getOrDefault(name, defaultValue);
	}

	/**
	 * Returns an optional boolean parameter.
	 * @param index its position
	 * @param name its name
	 * @param defaultValue its default
	 * @return the argument's truth, or the default
	 */
	boolean flag(int index, String name, boolean defaultValue) {
		return has(index, name) ? PythonValues.truthy(get(index, name, null)) : defaultValue;
	}

	int size() {
		return this.positional.size();
	}

	List<Object> positional() {
		return this.positional;
	}

	Map<String, Object> keywords() {
		return this.keywords;
	}

	String method() {
		return this.method;
	}

}
