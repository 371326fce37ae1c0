package io.sharedstate.autoconfigure.health;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import io.sharedstate.SharedState;
import io.sharedstate.inspect.Inspector;
import io.sharedstate.api.ManagerMode;

/**
 * Health of the shared-state manager: a client is up while connected to its server (down,
 * with the address it keeps trying, while not); a server is up while listening, with its
 * client count; an embedded manager is always up.
 */
public class SharedStateHealthIndicator extends AbstractHealthIndicator {

	private final SharedState manager;

	/**
	 * Creates the indicator.
	 * @param manager the manager
	 */
	public SharedStateHealthIndicator(SharedState manager) {
		super("Shared-state health check failed");
		this.manager = manager;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Inspector inspector = this.manager.inspector();
		builder.withDetail("mode", (this.manager.mode() != ManagerMode.IN_PROCESS)
				? this.manager.mode().name().toLowerCase(java.util.Locale.ROOT) : "embedded");
		if (inspector.address() != null) {
			builder.withDetail("address", inspector.address().getHostString() + ":" + inspector.address().getPort());
		}
		switch (this.manager.mode()) {
			case CLIENT -> {
				if (this.manager.isConnected()) {
					builder.up().withDetail("connected", true);
				}
				else {
					builder.down()
						.withDetail("connected", false)
						.withDetail("reason", "the server does not answer; retrying");
				}
			}
			case SERVER -> builder.up().withDetail("clients", inspector.clients().size());
			default -> builder.up();
		}
	}

}
