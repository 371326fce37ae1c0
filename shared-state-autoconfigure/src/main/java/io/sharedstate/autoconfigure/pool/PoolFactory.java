package io.sharedstate.autoconfigure.pool;

import java.io.File;
import java.lang.ProcessBuilder.Redirect;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

import io.sharedstate.SharedState;
import io.sharedstate.pool.PoolOptions;
import io.sharedstate.pool.SharedPool;

/**
 * Creates the pool that {@code shared-state.pools.<name>} describes.
 */
final class PoolFactory {

	private final String name;

	private final SharedPoolProperties.Pool properties;

	PoolFactory(String name, SharedPoolProperties.Pool properties) {
		this.name = name;
		this.properties = properties;
	}

	SharedPool create(SharedState manager, List<String> allowedPackages) {
		return manager.pool(this.name, options(allowedPackages));
	}

	PoolOptions options(List<String> allowedPackages) {
		PoolOptions options = (this.properties.getProcesses() != null)
				? PoolOptions.processes(this.properties.getProcesses()) : PoolOptions.defaults();
		options = options.withJvmOptions(this.properties.getJvmOptions().toArray(String[]::new))
			.withClasspath(this.properties.getClasspath())
			.withMaxTasksPerChild(this.properties.getMaxTasksPerChild())
			.withTaskTimeout(this.properties.getTaskTimeout())
			.withWorkerOutput(workerOutput())
			.withAllowedPackages(allowedPackages.toArray(String[]::new));
		if (this.properties.getInitializer() != null) {
			options = options.withInitializer(new NamedInitializer(initializer()));
		}
		return options;
	}

	private String initializer() {
		String className = this.properties.getInitializer();
		try {
			Class<?> type = Class.forName(className, false, getClass().getClassLoader());
			if (!Runnable.class.isAssignableFrom(type)) {
				throw new ClassNotFoundException(className + " is not a Runnable");
			}
		}
		catch (ClassNotFoundException ex) {
			throw new InvalidConfigurationPropertyValueException(property("initializer"), className,
					"The initializer must name a Runnable class with a public no-argument constructor, on the "
							+ "classpath of the application and of its workers");
		}
		return className;
	}

	private Redirect workerOutput() {
		String output = this.properties.getWorkerOutput();
		return switch (output.toLowerCase(Locale.ROOT)) {
			case "inherit" -> Redirect.INHERIT;
			case "discard" -> Redirect.DISCARD;
			default -> Redirect.appendTo(new File(output));
		};
	}

	private String property(String name) {
		return "shared-state.pools." + this.name + "." + name;
	}

}
