package io.sharedstate.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of the application's shared-state manager.
 */
@ConfigurationProperties("shared-state")
public class SharedStateProperties {

	/**
	 * How this application takes part: 'embedded' keeps the objects in this JVM and
	 * listens to nobody, 'server' hosts them and serves them to clients, 'client' uses a
	 * server's objects.
	 */
	private Mode mode = Mode.EMBEDDED;

	/**
	 * Address, as host:port, that the server listens on or the client connects to. A
	 * server without one listens on a free loopback port.
	 */
	private String address;

	/**
	 * Secret that every server and client of one manager shares. Required in server and
	 * client modes.
	 */
	private String authkey;

	/**
	 * Packages whose classes may be decoded from other processes, on top of the JDK's
	 * value types.
	 */
	private List<String> allowedPackages = new ArrayList<>();

	/**
	 * Names of non-reentrant shared locks to declare as beans of that name.
	 */
	private List<String> locks = new ArrayList<>();

	/**
	 * Names of reentrant shared locks to declare as beans of that name.
	 */
	private List<String> reentrantLocks = new ArrayList<>();

	/**
	 * Names of shared events to declare as beans of that name.
	 */
	private List<String> events = new ArrayList<>();

	/**
	 * Shared barriers to declare as beans, by name.
	 */
	private Map<String, Barrier> barriers = new LinkedHashMap<>();

	private final Server server = new Server();

	private final Client client = new Client();

	private final Endpoint endpoint = new Endpoint();

	private final Metrics metrics = new Metrics();

	public Mode getMode() {
		return this.mode;
	}

	public void setMode(Mode mode) {
		this.mode = mode;
	}

	public String getAddress() {
		return this.address;
	}

	public void setAddress(String address) {
		this.address = address;
	}

	public String getAuthkey() {
		return this.authkey;
	}

	public void setAuthkey(String authkey) {
		this.authkey = authkey;
	}

	public List<String> getAllowedPackages() {
		return this.allowedPackages;
	}

	public void setAllowedPackages(List<String> allowedPackages) {
		this.allowedPackages = allowedPackages;
	}

	public List<String> getLocks() {
		return this.locks;
	}

	public void setLocks(List<String> locks) {
		this.locks = locks;
	}

	public List<String> getReentrantLocks() {
		return this.reentrantLocks;
	}

	public void setReentrantLocks(List<String> reentrantLocks) {
		this.reentrantLocks = reentrantLocks;
	}

	public List<String> getEvents() {
		return this.events;
	}

	public void setEvents(List<String> events) {
		this.events = events;
	}

	public Map<String, Barrier> getBarriers() {
		return this.barriers;
	}

	public void setBarriers(Map<String, Barrier> barriers) {
		this.barriers = barriers;
	}

	public Server getServer() {
		return this.server;
	}

	public Client getClient() {
		return this.client;
	}

	public Endpoint getEndpoint() {
		return this.endpoint;
	}

	public Metrics getMetrics() {
		return this.metrics;
	}

	/**
	 * How an application takes part in shared state.
	 */
	public enum Mode {

		/** Objects live in this JVM; nothing listens. */
		EMBEDDED,

		/** Objects live in this JVM and are served to clients. */
		SERVER,

		/** Objects live in a server this application connects to. */
		CLIENT

	}

	/**
	 * A barrier declared as a bean.
	 */
	public static class Barrier {

		/**
		 * Number of parties that must arrive before any goes on.
		 */
		private int parties = 2;

		public int getParties() {
			return this.parties;
		}

		public void setParties(int parties) {
			this.parties = parties;
		}

	}

	/**
	 * Server mode settings.
	 */
	public static class Server {

		/**
		 * Largest request a client may send; a larger frame closes its connection.
		 */
		private DataSize maxFrameSize = DataSize.ofMegabytes(16);

		/**
		 * Most requests one connection may have waiting on the server.
		 */
		private int maxInFlight = 1024;

		/**
		 * How long a connection may stay silent before the server closes it.
		 */
		private Duration idleTimeout = Duration.ofSeconds(15);

		/**
		 * How long a new connection has to authenticate.
		 */
		private Duration handshakeTimeout = Duration.ofSeconds(10);

		/**
		 * How long a client process may stay disconnected before its locks, permits and
		 * reserved queue items are released.
		 */
		private Duration sessionGracePeriod = Duration.ofSeconds(5);

		/**
		 * Address, as host:port, on which Python clients (multiprocessing.managers)
		 * connect with the same authkey; Python clients are not accepted unless it is
		 * set. Port 0 picks a free port.
		 */
		private String pythonAddress;

		public DataSize getMaxFrameSize() {
			return this.maxFrameSize;
		}

		public void setMaxFrameSize(DataSize maxFrameSize) {
			this.maxFrameSize = maxFrameSize;
		}

		public int getMaxInFlight() {
			return this.maxInFlight;
		}

		public void setMaxInFlight(int maxInFlight) {
			this.maxInFlight = maxInFlight;
		}

		public Duration getIdleTimeout() {
			return this.idleTimeout;
		}

		public void setIdleTimeout(Duration idleTimeout) {
			this.idleTimeout = idleTimeout;
		}

		public Duration getHandshakeTimeout() {
			return this.handshakeTimeout;
		}

		public void setHandshakeTimeout(Duration handshakeTimeout) {
			this.handshakeTimeout = handshakeTimeout;
		}

		public Duration getSessionGracePeriod() {
			return this.sessionGracePeriod;
		}

		public void setSessionGracePeriod(Duration sessionGracePeriod) {
			this.sessionGracePeriod = sessionGracePeriod;
		}

		public String getPythonAddress() {
			return this.pythonAddress;
		}

		public void setPythonAddress(String pythonAddress) {
			this.pythonAddress = pythonAddress;
		}

	}

	/**
	 * Client mode settings.
	 */
	public static class Client {

		/**
		 * Name this client shows on the server; defaults to spring.application.name.
		 */
		private String name;

		/**
		 * How long to wait for the server to accept and authenticate a connection.
		 */
		private Duration connectTimeout = Duration.ofSeconds(5);

		/**
		 * How long a call waits for its reply before failing.
		 */
		private Duration callTimeout = Duration.ofSeconds(30);

		/**
		 * How often an idle connection is pinged.
		 */
		private Duration heartbeatInterval = Duration.ofSeconds(5);

		/**
		 * Whether startup fails when the server does not answer; otherwise the
		 * application starts and keeps trying in the background.
		 */
		private boolean failFast;

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public Duration getConnectTimeout() {
			return this.connectTimeout;
		}

		public void setConnectTimeout(Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
		}

		public Duration getCallTimeout() {
			return this.callTimeout;
		}

		public void setCallTimeout(Duration callTimeout) {
			this.callTimeout = callTimeout;
		}

		public Duration getHeartbeatInterval() {
			return this.heartbeatInterval;
		}

		public void setHeartbeatInterval(Duration heartbeatInterval) {
			this.heartbeatInterval = heartbeatInterval;
		}

		public boolean isFailFast() {
			return this.failFast;
		}

		public void setFailFast(boolean failFast) {
			this.failFast = failFast;
		}

	}

	/**
	 * The sharedstate actuator endpoint.
	 */
	public static class Endpoint {

		/**
		 * Whether the endpoint for one object shows a preview of its contents. Off by
		 * default: values can be secrets.
		 */
		private boolean previewEnabled;

		/**
		 * Most entries or elements shown in a preview.
		 */
		private int previewLimit = 10;

		public boolean isPreviewEnabled() {
			return this.previewEnabled;
		}

		public void setPreviewEnabled(boolean previewEnabled) {
			this.previewEnabled = previewEnabled;
		}

		public int getPreviewLimit() {
			return this.previewLimit;
		}

		public void setPreviewLimit(int previewLimit) {
			this.previewLimit = previewLimit;
		}

	}

	/**
	 * The shared-state meters.
	 */
	public static class Metrics {

		/**
		 * Most distinct object names that get a 'name' tag of their own; objects named
		 * after the limit is reached share name=other.
		 */
		private int maxNames = 100;

		/**
		 * Name prefixes whose objects share one 'name' tag, the prefix followed by '*',
		 * because their names come from data: by default the locks of the Spring
		 * Integration lock registry.
		 */
		private List<String> groupedPrefixes = new ArrayList<>(List.of("integration."));

		public int getMaxNames() {
			return this.maxNames;
		}

		public void setMaxNames(int maxNames) {
			this.maxNames = maxNames;
		}

		public List<String> getGroupedPrefixes() {
			return this.groupedPrefixes;
		}

		public void setGroupedPrefixes(List<String> groupedPrefixes) {
			this.groupedPrefixes = groupedPrefixes;
		}

	}

}
