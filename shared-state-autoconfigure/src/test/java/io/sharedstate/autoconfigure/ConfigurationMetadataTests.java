package io.sharedstate.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The IDE metadata this module's jar carries: generated from the properties' javadoc,
 * plus what the properties classes cannot say.
 */
class ConfigurationMetadataTests {

	@Test
	void metadataDescribesTheHealthIndicatorSwitchAndTheModes() throws IOException {
		String metadata = ownMetadata();
		assertThat(metadata).containsPattern(
				"\"name\": \"management.health.sharedstate.enabled\",\\s*\"type\": \"java.lang.Boolean\",\\s*"
						+ "\"description\": \"Whether to enable the shared-state health check.\",\\s*\"defaultValue\": true");
		assertThat(metadata).containsPattern(
				"\"name\": \"shared-state.mode\",\\s*\"type\": \"io.sharedstate.autoconfigure.SharedStateProperties\\$Mode\"");
	}

	private static String ownMetadata() throws IOException {
		for (URL url : Collections.list(getClassLoader().getResources("META-INF/spring-configuration-metadata.json"))) {
			try (InputStream in = url.openStream()) {
				String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
				if (text.contains("\"shared-state.mode\"")) {
					return text;
				}
			}
		}
		throw new AssertionError("No shared-state configuration metadata on the classpath");
	}

	private static ClassLoader getClassLoader() {
		return ConfigurationMetadataTests.class.getClassLoader();
	}

}
