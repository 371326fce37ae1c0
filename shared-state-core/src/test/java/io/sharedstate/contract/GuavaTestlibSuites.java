package io.sharedstate.contract;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.google.common.collect.testing.ConcurrentMapTestSuiteBuilder;
import com.google.common.collect.testing.ListTestSuiteBuilder;
import com.google.common.collect.testing.MapTestSuiteBuilder;
import com.google.common.collect.testing.TestStringListGenerator;
import com.google.common.collect.testing.TestStringMapGenerator;
import com.google.common.collect.testing.features.CollectionFeature;
import com.google.common.collect.testing.features.CollectionSize;
import com.google.common.collect.testing.features.ListFeature;
import com.google.common.collect.testing.features.MapFeature;
import com.google.common.collect.testing.testers.CollectionRemoveIfTester;
import com.google.common.collect.testing.testers.ListReplaceAllTester;
import com.google.common.collect.testing.testers.MapComputeIfAbsentTester;
import com.google.common.collect.testing.testers.MapComputeIfPresentTester;
import com.google.common.collect.testing.testers.MapComputeTester;
import com.google.common.collect.testing.testers.MapMergeTester;
import com.google.common.collect.testing.testers.MapReplaceAllTester;
import junit.extensions.TestSetup;
import junit.framework.Test;

import io.sharedstate.dict.SharedDict;
import io.sharedstate.list.SharedList;

/**
 * guava-testlib's JDK-semantics suites for the shared dict ({@code ConcurrentMap}) and
 * the shared list ({@code List}), for any engine. Each test gets a fresh object of a
 * manager started once per suite.
 *
 * <p>
 * No feature that the shared types deliberately lack is declared, so the suites do not
 * test it: {@code FAILS_FAST_ON_CONCURRENT_MODIFICATION} (iterators walk a snapshot and
 * never throw {@code ConcurrentModificationException}), {@code SERIALIZABLE} (a shared
 * object serializes to a reference to itself, not to a copy), {@code KNOWN_ORDER} for the
 * dict (a hash map), and {@code null} keys and values for the dict.
 */
public final class GuavaTestlibSuites {

	/**
	 * The testers whose functions are plain, non-serializable lambdas. An engine that
	 * runs functions in another process refuses them with
	 * {@link IllegalArgumentException}, by design: see {@code RemoteFunctions}. The
	 * contract suite covers these operations with serializable functions instead.
	 */
	private static final List<Class<?>> NON_SERIALIZABLE_FUNCTION_DICT_TESTERS = List.of(MapComputeTester.class,
			MapComputeIfAbsentTester.class, MapComputeIfPresentTester.class, MapMergeTester.class,
			MapReplaceAllTester.class);

	/** As {@link #NON_SERIALIZABLE_FUNCTION_DICT_TESTERS}, for the list. */
	private static final List<Class<?>> NON_SERIALIZABLE_FUNCTION_LIST_TESTERS = List.of(CollectionRemoveIfTester.class,
			ListReplaceAllTester.class);

	private static final AtomicLong sequence = new AtomicLong();

	private GuavaTestlibSuites() {
	}

	/**
	 * Returns the {@code ConcurrentMap} suite for an engine's dict.
	 * @param engine the engine's name, for the report
	 * @param fixture starts and stops the engine's managers around the suite
	 * @param functionsMustBeSerializable whether the engine runs functions elsewhere and
	 * so refuses the testers' plain lambdas
	 * @return the suite
	 */
	public static Test dict(String engine, ManagerFixture fixture, boolean functionsMustBeSerializable) {
		MapTestSuiteBuilder<String, String> builder = ConcurrentMapTestSuiteBuilder.using(new TestStringMapGenerator() {

			@Override
			protected Map<String, String> create(Map.Entry<String, String>[] entries) {
				SharedDict<String, String> dict = fixture.manager().dict(nextName(engine, "dict"));
				for (Map.Entry<String, String> entry : entries) {
					dict.put(entry.getKey(), entry.getValue());
				}
				return dict;
			}

		})
			.named("SharedDict " + engine)
			.withFeatures(CollectionSize.ANY, MapFeature.GENERAL_PURPOSE, CollectionFeature.SUPPORTS_ITERATOR_REMOVE);
		if (functionsMustBeSerializable) {
			builder.suppressing(testsOf(NON_SERIALIZABLE_FUNCTION_DICT_TESTERS));
		}
		return around(fixture, builder.createTestSuite());
	}

	/**
	 * Returns the {@code List} suite for an engine's list.
	 * @param engine the engine's name, for the report
	 * @param fixture starts and stops the engine's managers around the suite
	 * @param functionsMustBeSerializable whether the engine runs functions elsewhere and
	 * so refuses the testers' plain lambdas
	 * @return the suite
	 */
	public static Test list(String engine, ManagerFixture fixture, boolean functionsMustBeSerializable) {
		ListTestSuiteBuilder<String> builder = ListTestSuiteBuilder.using(new TestStringListGenerator() {

			@Override
			protected List<String> create(String[] elements) {
				SharedList<String> list = fixture.manager().list(nextName(engine, "list"));
				list.addAll(Arrays.asList(elements));
				return list;
			}

		})
			.named("SharedList " + engine)
			.withFeatures(CollectionSize.ANY, ListFeature.GENERAL_PURPOSE, CollectionFeature.ALLOWS_NULL_VALUES);
		if (functionsMustBeSerializable) {
			builder.suppressing(testsOf(NON_SERIALIZABLE_FUNCTION_LIST_TESTERS));
		}
		return around(fixture, builder.createTestSuite());
	}

	private static String nextName(String engine, String type) {
		return "guava-testlib." + engine + "." + type + "." + sequence.incrementAndGet();
	}

	private static List<Method> testsOf(List<Class<?>> testers) {
		List<Method> tests = new ArrayList<>();
		for (Class<?> tester : testers) {
			for (Method method : tester.getDeclaredMethods()) {
				if (method.getName().startsWith("test")) {
					tests.add(method);
				}
			}
		}
		return tests;
	}

	private static Test around(ManagerFixture fixture, Test suite) {
		return new TestSetup(suite) {

			@Override
			protected void setUp() throws Exception {
				fixture.start();
			}

			@Override
			protected void tearDown() {
				fixture.stop();
			}

		};
	}

}
