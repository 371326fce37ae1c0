package io.sharedstate.python;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sharedstate.api.SharedObject;
import io.sharedstate.api.SharedStateException;
import io.sharedstate.api.SharedTypeMismatchException;
import io.sharedstate.python.PythonObjectSpace.PythonSession;
import io.sharedstate.python.pickle.PickleCall;
import io.sharedstate.python.pickle.PickleException;
import io.sharedstate.python.pickle.PickleGlobal;
import io.sharedstate.python.pickle.PickleReader;
import io.sharedstate.python.pickle.PickleWriter;
import io.sharedstate.python.pickle.RefusedGlobalException;
import io.sharedstate.snapshot.Tuple;

/**
 * One Python connection, served by its own thread as Python's manager serves it:
 * authenticate both ways, read one request; a server function is answered and the
 * connection closed, {@code accept_connection} turns it into a client connection that
 * serves one Python thread's method calls until it closes. A call that waits (a lock, a
 * queue item) waits on this thread; meanwhile the listener watches the socket, and a
 * client that went away interrupts the wait. A connection that sends what is not a pickle
 * is closed with a logged reason.
 */
final class PythonConnection implements MethodCall.Context {

	private static final Logger logger = LoggerFactory.getLogger(PythonConnection.class);

	/**
	 * How long a call waits before the listener starts checking that its client is still
	 * there.
	 */
	private static final long WATCH_AFTER_NANOS = 200_000_000L;

	private final long id;

	private final Socket socket;

	private final PythonListener listener;

	private final PickleWriter writer = new PickleWriter(this::substitute);

	private final Map<String, SharedObject> objects = new HashMap<>();

	private final Instant connectedAt = Instant.now();

	private final AtomicLong operations = new AtomicLong();

	private final Object watchLock = new Object();

	private final Thread thread;

	private PythonMessages messages;

	private PythonSession session;

	private volatile String clientName;

	/** When the current call started waiting, or 0; guarded by {@link #watchLock}. */
	private long waitingSince;

	private volatile boolean clientGone;

	PythonConnection(long id, Socket socket, PythonListener listener) {
		this.id = id;
		this.socket = socket;
		this.listener = listener;
		this.thread = new Thread(this::run, "shared-state-python-" + id);
		this.thread.setDaemon(true);
	}

	void start() {
		this.thread.start();
	}

	long id() {
		return this.id;
	}

	Instant connectedAt() {
		return this.connectedAt;
	}

	long operations() {
		return this.operations.get();
	}

	/**
	 * Returns the name the client gave {@code accept_connection}.
	 * @return the name, or {@code null} for a connection that serves one server function
	 */
	String clientName() {
		return this.clientName;
	}

	InetSocketAddress remoteAddress() {
		return (InetSocketAddress) this.socket.getRemoteSocketAddress();
	}

	private void run() {
		try {
			this.socket.setTcpNoDelay(true);
			this.socket.setKeepAlive(true);
			this.messages = new PythonMessages(this.socket);
			this.socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, this.listener.handshakeTimeout().toMillis()));
			PythonHandshake.serve(this.messages, this.listener.authkey());
			Request first = receive();
			this.socket.setSoTimeout(0);
			if (first == null) {
				return;
			}
			if (first.ident() == null && first.args().method().equals("accept_connection")) {
				serveClient(first);
			}
			else {
				reply(serverFunction(first));
			}
		}
		catch (PythonHandshake.AuthenticationFailedException ex) {
			logger.warn("Refused a Python connection from {}: {}", remote(), ex.getMessage());
		}
		catch (EOFException ex) {
			logger.debug("Python connection {} from {} closed", this.id, remote());
		}
		catch (SocketTimeoutException ex) {
			logger.warn("Closed the Python connection from {}: it did not authenticate and send a request within {}",
					remote(), this.listener.handshakeTimeout());
		}
		catch (PickleException | PythonMessages.TooLargeException ex) {
			logger.warn("Closed the Python connection from {}: it sent what is not a request of Python's manager "
					+ "protocol ({})", remote(), ex.getMessage());
		}
		catch (IOException ex) {
			if (!this.listener.isClosed() && !this.clientGone) {
				logger.debug("Python connection {} from {} failed: {}", this.id, remote(), ex.toString());
			}
		}
		catch (InterruptedException ex) {
			logger.debug("Python connection {} from {} stopped waiting", this.id, remote());
		}
		catch (RuntimeException | StackOverflowError ex) {
			logger.warn("Closed the Python connection from {} after an unexpected failure", remote(), ex);
		}
		finally {
			close();
			try {
				if (this.session != null) {
					this.session.close();
				}
			}
			finally {
				this.listener.closed(this);
			}
		}
	}

	private void serveClient(Request accept) throws IOException, InterruptedException {
		Object name = accept.args().get(0, "name", "?");
		this.clientName = String.valueOf(name);
		this.session = this.listener.space().openSession(this.clientName, remoteAddress());
		this.listener.accepted(this);
		reply(result(null));
		while (!this.clientGone) {
			Request request = receive();
			if (request != null) {
				this.operations.incrementAndGet();
				reply(methodCall(request));
			}
		}
	}

	/**
	 * Reads a request; one that names a refused global is answered with an error.
	 * @return the request, or {@code null} if it was answered already
	 */
	private Request receive() throws IOException {
		byte[] message = this.messages.receive(this.listener.maxMessageBytes());
		Object decoded;
		try {
			decoded = PickleReader.read(message, new RequestGlobals(this::storedObject));
		}
		catch (RefusedGlobalException ex) {
			logger.warn("Refused a request from Python client {} at {}: it names {}. {}", describeClient(), remote(),
					ex.global(), ex.getMessage());
			reply(error(PythonException.of("pickle", "UnpicklingError", ex.getMessage())));
			return null;
		}
		catch (PythonException ex) {
			reply(error(ex));
			return null;
		}
		if (!(decoded instanceof Tuple<?> tuple) || tuple.size() != 4 || !(tuple.get(1) instanceof String method)
				|| !(tuple.get(2) instanceof List<?> args) || !(tuple.get(3) instanceof Map<?, ?> kwds)) {
			reply(traceback("ValueError: a request is (ident, methodname, args, kwds), not "
					+ PythonRepr.of(decoded).substring(0, Math.min(200, PythonRepr.of(decoded).length()))));
			return null;
		}
		@SuppressWarnings("unchecked")
		Args parsed = new Args(method, (List<Object>) args, keywords((Map<Object, Object>) kwds));
		return new Request(tuple.get(0), parsed);
	}

	private static Map<String, Object> keywords(Map<Object, Object> kwds) {
		if (kwds.isEmpty()) {
			return Map.of();
		}
		Map<String, Object> keywords = new LinkedHashMap<>();
		kwds.forEach((key, value) -> keywords.put(String.valueOf(key), value));
		return keywords;
	}

	/**
	 * A proxy of this manager inside a request: the object, to be stored as a reference.
	 */
	private SharedObject storedObject(PythonToken token) {
		if (token.address() instanceof List<?> address && address.size() == 2 && address.get(1) instanceof Long port
				&& port != this.listener.address().getPort()) {
			throw PythonException
				.typeError("a proxy of the manager at " + PythonRepr.of(address) + " cannot be stored in this one");
		}
		Referent referent = this.listener.referents().get(token.id());
		if (referent.name() == null) {
			throw PythonException.typeError("an iterator cannot be stored in a shared object");
		}
		if (referent.pythonCreated()) {
			this.listener.referents().pin(referent);
		}
		SharedObject object = this.listener.space().find(referent.name());
		if (object == null) {
			throw PythonException.keyError(token.id());
		}
		return object;
	}

	private Object[] serverFunction(Request request) {
		try {
			return result(this.listener.functions().call(request.args()));
		}
		catch (RuntimeException ex) {
			return failure(ex);
		}
	}

	private Object[] methodCall(Request request) throws InterruptedException {
		Referent referent;
		try {
			referent = this.listener.referents().get(String.valueOf(request.ident()));
		}
		catch (PythonException ex) {
			return traceback("KeyError: " + PythonRepr.of(request.ident()));
		}
		String method = request.args().method();
		PythonMethods methods = referent.methods();
		boolean exposed = methods.exposes(method);
		if (!exposed && !method.equals("#GETVALUE") && !method.equals("__repr__") && !method.equals("__str__")) {
			return traceback("AttributeError: method " + PythonRepr.of(method) + " of " + referent.typeid()
					+ " object is not in exposed=" + PythonRepr.of(methods.exposed()));
		}
		try {
			MethodCall call = new MethodCall(referent, object(referent), request.args(), this);
			if (!exposed) {
				return switch (method) {
					case "#GETVALUE" -> result(methods.value(call));
					default -> result(methods.repr(call));
				};
			}
			Object result = methods.call(call);
			if (result instanceof PythonMethods.ProxyReply proxy) {
				Referent created = proxy.referent();
				return new Object[] { "#PROXY",
						new Object[] { Tuple.copyOf(created.methods().exposed()), token(created) } };
			}
			return result(result);
		}
		catch (PythonMethods.Unserializable ex) {
			return new Object[] { "#UNSERIALIZABLE", ex.getMessage() };
		}
		catch (RuntimeException ex) {
			return failure(ex);
		}
	}

	private SharedObject object(Referent referent) {
		if (referent.isFreed()) {
			throw PythonException.keyError(referent.ident());
		}
		if (referent.type() == null) {
			return null;
		}
		if (this.session == null) {
			throw new IllegalStateException("method calls need accept_connection first");
		}
		return this.objects.computeIfAbsent(referent.ident(),
				(ident) -> this.session.object(referent.type(), referent.name()));
	}

	@Override
	public <T> T waiting(MethodCall.Waiting<T> operation) throws InterruptedException {
		synchronized (this.watchLock) {
			this.waitingSince = System.nanoTime();
		}
		try {
			return operation.run();
		}
		finally {
			synchronized (this.watchLock) {
				this.waitingSince = 0;
			}
		}
	}

	@Override
	public Referent newIterator(Iterator<?> iterator) {
		return this.listener.referents().iterator(iterator);
	}

	/**
	 * Checks, for a call that has been waiting a while, whether its client closed the
	 * connection; if so the wait is interrupted. Called by the listener's watcher.
	 * @param now the current {@link System#nanoTime()}
	 */
	void watch(long now) {
		synchronized (this.watchLock) {
			if (this.waitingSince != 0 && now - this.waitingSince > WATCH_AFTER_NANOS && !this.clientGone
					&& this.messages.peerClosed()) {
				this.clientGone = true;
				logger.info("Python client {} at {} went away during a waiting call; the wait is given up",
						describeClient(), remote());
				this.thread.interrupt();
			}
		}
	}

	private Object[] failure(RuntimeException ex) {
		if (ex instanceof PythonException python) {
			return error(python);
		}
		if (ex instanceof SharedTypeMismatchException) {
			return error(PythonException.typeError(ex.getMessage()));
		}
		if (ex instanceof IllegalArgumentException) {
			return error(PythonException.valueError(ex.getMessage()));
		}
		if (ex instanceof IndexOutOfBoundsException) {
			return error(PythonException.indexError(ex.getMessage()));
		}
		if (ex instanceof ClassCastException || ex instanceof UnsupportedOperationException
				|| ex instanceof NullPointerException) {
			return error(PythonException.typeError(String.valueOf(ex.getMessage())));
		}
		if (ex instanceof IllegalStateException || ex instanceof IllegalMonitorStateException
				|| ex instanceof SharedStateException) {
			return error(PythonException.runtimeError(ex.getMessage()));
		}
		logger.warn("A Python call failed on the server", ex);
		return traceback("Java exception on the shared-state server: " + ex);
	}

	private static Object[] result(Object value) {
		return new Object[] { "#RETURN", value };
	}

	private static Object[] error(PythonException ex) {
		return new Object[] { "#ERROR", ex.toPickle() };
	}

	private static Object[] traceback(String text) {
		return new Object[] { "#TRACEBACK", text + "\n" };
	}

	private void reply(Object[] message) throws IOException {
		try {
			this.writer.write(message, PythonMessages.HEADER_BYTES);
		}
		catch (PythonException ex) {
			this.writer.write(error(ex), PythonMessages.HEADER_BYTES);
		}
		catch (PickleException ex) {
			this.writer.write(new Object[] { "#UNSERIALIZABLE", ex.getMessage() }, PythonMessages.HEADER_BYTES);
		}
		this.messages.send(this.writer.buffer(), this.writer.length());
	}

	/** What the writer pickles for values that are not plain data. */
	private Object substitute(Object value, boolean hashable) {
		if (value instanceof Optional<?> optional && optional.isEmpty()) {
			return null;
		}
		if (value instanceof SharedObject object) {
			return proxy(this.listener.referents().of(object));
		}
		if (value instanceof PythonToken token) {
			return token.toPickle();
		}
		throw PythonException.typeError("a value of Java class " + value.getClass().getName()
				+ " has no Python counterpart; Python clients read None, bool, int, float, str, bytes, list, tuple, "
				+ "dict, set and shared objects");
	}

	/**
	 * A proxy Python rebuilds: {@code RebuildProxy(proxytype, token, 'pickle', kwds)}.
	 */
	private PickleCall proxy(Referent referent) {
		String proxyClass = referent.methods().proxyClass();
		Map<String, Object> kwds = new LinkedHashMap<>();
		if (proxyClass == null) {
			kwds.put("exposed", Tuple.copyOf(referent.methods().exposed()));
		}
		return PickleCall.of("multiprocessing.managers", "RebuildProxy",
				new PickleGlobal("multiprocessing.managers", (proxyClass != null) ? proxyClass : "AutoProxy"),
				token(referent), "pickle", kwds);
	}

	private PickleCall token(Referent referent) {
		return new PythonToken(referent.typeid(), tokenAddress(), referent.ident()).toPickle();
	}

	/** The listener's address as this client reached it. */
	private Tuple<Object> tokenAddress() {
		return Tuple.of(this.socket.getLocalAddress().getHostAddress(), (long) this.listener.address().getPort());
	}

	private String describeClient() {
		return (this.clientName != null) ? "'" + this.clientName + "'" : "(not yet accepted)";
	}

	private String remote() {
		InetSocketAddress address = remoteAddress();
		return (address != null) ? address.getHostString() + ":" + address.getPort() : "?";
	}

	/**
	 * Closes the connection; a thread waiting in a call is interrupted.
	 */
	void close() {
		try {
			this.socket.close();
		}
		catch (IOException ex) {
			logger.debug("Closing a Python connection failed", ex);
		}
	}

	/**
	 * Closes the connection and stops its thread, when the listener stops.
	 */
	void stop() {
		this.clientGone = true;
		close();
		this.thread.interrupt();
	}

	/**
	 * One request.
	 *
	 * @param ident the object's ident, or {@code null} for a server function
	 * @param args the method or function name and its arguments
	 */
	private record Request(Object ident, Args args) {

	}

}
