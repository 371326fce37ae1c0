package io.sharedstate.benchmarks;

import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import io.sharedstate.server.ServerOptions;
import io.sharedstate.SharedState;

/**
 * The server side of {@link Benchmarks}, run in a child JVM: a raw TCP echo server and a
 * manager server, both on loopback. Prints {@code READY <echo port> <manager port>} and
 * runs until its standard input closes, so it never outlives the parent.
 */
public final class BenchmarkServer {

	/** Name prefix of the echo server's connection threads, for context-switch counts. */
	static final String ECHO_THREAD = "raw-echo";

	private BenchmarkServer() {
	}

	public static void main(String[] args) throws Exception {
		String authkey = args[0];
		try (ServerSocket echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
				SharedState manager = SharedState.serve(ServerOptions.create(authkey))) {
			Thread acceptor = new Thread(() -> acceptEchoClients(echo), "raw-echo-accept");
			acceptor.setDaemon(true);
			acceptor.start();
			System.out.println("READY " + echo.getLocalPort() + " " + manager.address().getPort());
			System.out.flush();
			BufferedReader parent = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
			while (parent.readLine() != null) {
				// the parent says nothing; end of input means it is done or gone
			}
		}
		System.exit(0);
	}

	private static void acceptEchoClients(ServerSocket server) {
		while (!server.isClosed()) {
			try {
				Socket socket = server.accept();
				Thread thread = new Thread(() -> echo(socket), ECHO_THREAD);
				thread.setDaemon(true);
				thread.start();
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	/**
	 * Serves one ping-pong client: it first sends the request and reply sizes and the
	 * read timeout to use, then each request of that size is answered by one reply of
	 * that size.
	 */
	private static void echo(Socket socket) {
		try (socket) {
			socket.setTcpNoDelay(true);
			DataInputStream in = new DataInputStream(socket.getInputStream());
			OutputStream out = socket.getOutputStream();
			byte[] request = new byte[in.readInt()];
			byte[] reply = new byte[in.readInt()];
			// A read timeout switches the JDK's socket to non-blocking reads plus poll().
			socket.setSoTimeout(in.readInt());
			InputStream raw = socket.getInputStream();
			while (true) {
				if (!readFully(raw, request)) {
					return;
				}
				out.write(reply);
			}
		}
		catch (IOException ex) {
			// the client went away
		}
	}

	static boolean readFully(InputStream in, byte[] buffer) throws IOException {
		int read = 0;
		while (read < buffer.length) {
			int n = in.read(buffer, read, buffer.length - read);
			if (n < 0) {
				return false;
			}
			read += n;
		}
		return true;
	}

}
