package io.sharedstate.contract;

import junit.framework.Test;
import junit.framework.TestSuite;
import java.util.List;

/**
 * Runs guava-testlib's {@code ConcurrentMap} and {@code List} suites against the
 * in-process engine and against a manager server's clients over loopback. Public, with a
 * public static {@code suite()}, because JUnit 3 suites are found that way.
 */
public class GuavaTestlibTests {

	public static Test suite() {
		TestSuite suite = new TestSuite("guava-testlib");
		suite.addTest(GuavaTestlibSuites.dict("in-process", ManagerFixture.inProcess(), false));
		suite.addTest(GuavaTestlibSuites.dict("remote", remote(), true));
		suite.addTest(GuavaTestlibSuites.list("in-process", ManagerFixture.inProcess(), false));
		suite.addTest(GuavaTestlibSuites.list("remote", remote(), true));
		return suite;
	}

	/**
	 * The remote engine, allowing guava-testlib's own types: its "wrong type" queries
	 * expect {@code false}, which a server can only answer if it may decode the query.
	 */
	private static ManagerFixture remote() {
		return ManagerFixture.remote("io.sharedstate", "com.google.common.collect.testing");
	}

}
