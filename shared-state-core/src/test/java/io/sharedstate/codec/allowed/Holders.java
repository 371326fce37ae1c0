package io.sharedstate.codec.allowed;

import java.util.List;
import java.util.Map;

import io.sharedstate.codec.canary.Canary;

/**
 * Allowed classes that embed a {@link Canary} where Kryo writes no class name for it: a
 * final field type, a record component, an array's component type, the declared element
 * type of a collection field and the declared key type of a map field.
 */
public final class Holders {

	private Holders() {
	}

	public static final class FinalField {

		Canary canary;

		public FinalField(Canary canary) {
			this.canary = canary;
		}

	}

	public record Component(Canary canary) {

	}

	public static final class ArrayField {

		Canary[] canaries;

		public ArrayField(Canary[] canaries) {
			this.canaries = canaries;
		}

	}

	public static final class ListField {

		List<Canary> canaries;

		public ListField(List<Canary> canaries) {
			this.canaries = canaries;
		}

	}

	public static final class MapKeyField {

		Map<Canary, String> byCanary;

		public MapKeyField(Map<Canary, String> byCanary) {
			this.byCanary = byCanary;
		}

	}

}
