package io.sharedstate.autoconfigure.metrics;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Chooses the {@code name} tag of an object's meters so that their number stays bounded:
 * objects whose name starts with a grouped prefix share {@code prefix*}; the first
 * {@code maxNames} other names get their own tag, and later ones share {@code other}. A
 * name keeps the tag it was first given.
 */
final class NameTags {

	static final String OTHER = "other";

	private final List<String> groupedPrefixes;

	private final int maxNames;

	private final Set<String> named = ConcurrentHashMap.newKeySet();

	NameTags(List<String> groupedPrefixes, int maxNames) {
		this.groupedPrefixes = List.copyOf(groupedPrefixes);
		this.maxNames = maxNames;
	}

	String tagFor(String name) {
		for (String prefix : this.groupedPrefixes) {
			if (name.startsWith(prefix)) {
				return prefix + "*";
			}
		}
		if (this.named.contains(name)) {
			return name;
		}
		synchronized (this.named) {
			if (this.named.size() < this.maxNames) {
				this.named.add(name);
				return name;
			}
		}
		return OTHER;
	}

}
