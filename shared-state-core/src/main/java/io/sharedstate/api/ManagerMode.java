package io.sharedstate.api;

/**
 * Where a manager's objects live.
 */
public enum ManagerMode {

	/** In this JVM only. */
	IN_PROCESS,

	/** In this JVM, served to clients by a manager server. */
	SERVER,

	/** In a manager server this JVM is connected to. */
	CLIENT

}
