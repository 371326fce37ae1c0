package io.sharedstate.codec;

import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Registration;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.serializers.ClosureSerializer;
import com.esotericsoftware.kryo.util.DefaultClassResolver;

import io.sharedstate.api.MissingClassException;

/**
 * Checks every class named in the input against the allow-list by its name, before it is
 * loaded or has a serializer, and every registered class read by id.
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
				throw new MissingClassException(missingMessage(missing.getMessage()), ex);
			}
			throw ex;
		}
		// Lambdas arrive under Kryo's closure marker; LambdaSerializer checks what they
		// need.
		if (registration != null && registration.getType() != ClosureSerializer.Closure.class) {
			this.allowList.check(registration.getType());
		}
		return registration;
	}

	/** Called for every class name read, before Kryo loads the class. */
	@Override
	protected Class<?> getTypeByName(String className) {
		this.allowList.check(className);
		return super.getTypeByName(className);
	}

	static String missingMessage(String className) {
		return "Class " + className + " is allowed but not on the classpath of this process: put the jar that holds it "
				+ "on the classpath of every process that reads it (for functions: the manager server's).";
	}

}
