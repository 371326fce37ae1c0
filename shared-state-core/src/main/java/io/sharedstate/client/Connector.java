package io.sharedstate.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

import io.sharedstate.api.SharedStateAuthenticationException;
import io.sharedstate.api.SharedStateUnavailableException;
import io.sharedstate.protocol.Handshake;
import io.sharedstate.protocol.Handshake.ServerTerms;

/**
 * Opens an authenticated socket to a manager server: TCP, TLS if configured (the server's
 * certificate must be trusted and name the address), then the mutual authkey handshake,
 * all within the connect timeout.
 */
final class Connector {

	private Connector() {
	}

	/**
	 * An authenticated socket and what the server said about itself.
	 *
	 * @param socket the socket
	 * @param terms the server's limits and id
	 */
	record Connected(Socket socket, ServerTerms terms) {

	}

	/**
	 * Connects and authenticates.
	 * @param options where and how
	 * @param timer closes a connection whose handshake takes too long
	 * @return the connection
	 * @throws SharedStateUnavailableException if no server answers in time, or it refused
	 * @throws SharedStateAuthenticationException if authentication fails either way
	 */
	static Connected connect(ClientOptions options, ScheduledExecutorService timer) {
		InetSocketAddress address = options.address();
		int timeout = (int) options.connectTimeout().toMillis();
		Socket socket = new Socket();
		ScheduledFuture<?> handshakeTimeout = null;
		try {
			socket.setTcpNoDelay(true);
			socket.connect(address, timeout);
			Socket closeOnTimeout = socket;
			handshakeTimeout = timer.schedule(() -> closeQuietly(closeOnTimeout), timeout, TimeUnit.MILLISECONDS);
			if (options.sslContext() != null) {
				socket = secure(socket, options);
			}
			ServerTerms terms = Handshake.connect(socket.getInputStream(), socket.getOutputStream(), options.authkey());
			if (!handshakeTimeout.cancel(false)) {
				throw new SocketTimeoutException("no handshake within " + timeout + " ms");
			}
			return new Connected(socket, terms);
		}
		catch (Handshake.HandshakeRefusedException ex) {
			closeQuietly(socket);
			throw new SharedStateAuthenticationException("Authentication with the manager at " + describe(address)
					+ " failed: " + ex.getMessage() + ". Client and server must use the same authkey.", ex);
		}
		catch (ConnectException ex) {
			closeQuietly(socket);
			throw new SharedStateUnavailableException("The manager server at " + describe(address)
					+ " refused the connection (" + ex.getMessage()
					+ "): nothing listens there. Check that the server is running and listening on that address.", ex);
		}
		catch (SocketTimeoutException ex) {
			closeQuietly(socket);
			throw new SharedStateUnavailableException("No manager server answered at " + describe(address) + " within "
					+ timeout + " ms. Check the address, and that nothing blocks the connection.", ex);
		}
		catch (SSLException ex) {
			closeQuietly(socket);
			throw new SharedStateUnavailableException("The TLS handshake with the manager at " + describe(address)
					+ " failed: " + ex.getMessage() + ". Check that this client trusts the server's certificate, that "
					+ "the certificate names " + address.getHostString()
					+ ", and, for mutual TLS, that the server trusts this client's.", ex);
		}
		catch (IOException ex) {
			closeQuietly(socket);
			boolean timedOut = handshakeTimeout != null && handshakeTimeout.isDone();
			throw new SharedStateUnavailableException("Cannot connect to the manager server at " + describe(address)
					+ ": " + (timedOut ? "no handshake within " + timeout + " ms" : ex.toString()), ex);
		}
	}

	private static Socket secure(Socket plain, ClientOptions options) throws IOException {
		InetSocketAddress address = options.address();
		SSLSocket socket = (SSLSocket) options.sslContext()
			.getSocketFactory()
			.createSocket(plain, address.getHostString(), address.getPort(), true);
		SSLParameters parameters = socket.getSSLParameters();
		// The server's certificate must name the address the client connects to.
		parameters.setEndpointIdentificationAlgorithm("HTTPS");
		socket.setSSLParameters(parameters);
		socket.setUseClientMode(true);
		socket.startHandshake();
		return socket;
	}

	static String describe(InetSocketAddress address) {
		return address.getHostString() + ":" + address.getPort();
	}

	static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// nothing more to release
		}
	}

}
