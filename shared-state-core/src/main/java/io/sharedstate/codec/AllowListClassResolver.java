package io.sharedstate.codec;

import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Registration;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.serializers.ClosureSerializer;
import com.esotericsoftware.kryo.util.DefaultClassResolver;

import io.sharedstate.api.MissingClassException;

/**
 * Checks every class named in the input against the allow-list once it is loaded (without
 * being initialised) and before any instance is created.
 */
final class AllowListClassResolver extends DefaultClassResolver {

	private final ClassAllowList allowList;

	AllowListClassResolver(ClassAllowList allowList) {
		this.allowList = allowList;
	}

	@Override
	public Registration readClass(Input input) {
		Registration registration;
		try {
			registration = super.readClass(input);
		}
		catch (KryoException ex) {
			if (ex.getCause() instanceof ClassNotFoundException missing) {
				throw new MissingClassException("Class " + missing.getMessage()
						+ " is not on the classpath of this process; put the jar that holds it on the classpath of "
						+ "every process that reads it (for functions: the manager server's).", ex);
			}
			throw ex;
		}
		// Lambdas arrive under Kryo's closure marker; LambdaSerializer checks their
		// capturing class.
		if (registration != null && registration.getType() != ClosureSerializer.Closure.class) {
			this.allowList.check(registration.getType());
		}
		return registration;
	}

}
