package io.sharedstate.memory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example of docs/shared-memory.md run as a user runs it: the Java side as the doc
 * writes it, then the doc's Python code, taken from the doc, in a real python3 (with the
 * blocks' names made unique to this run).
 */
@ExtendWith(TestBlocks.class)
class SharedMemoryDocsTests {

	private static final Path DOC = Path.of("..", "docs", "shared-memory.md");

	private final String jobsName = TestBlocks.name("jobs");

	private final String pricesName = TestBlocks.name("prices");

	@AfterEach
	void removeTheBlocks() {
		TestBlocks.remove(this.jobsName);
		TestBlocks.remove(this.pricesName);
	}

	@Test
	void javaServiceAndPythonWorkerShareAListAndAnArray() throws IOException {
		Python.assumeInstalled();
		ShareableList jobs = ShareableList.create(this.jobsName, List.of(0L, 1.5, "pending", true));
		Array prices = Array.create(this.pricesName, 'd', 1000);
		prices.setDouble(0, 101.25);
		jobs.set(2, "running");
		String python = codeBlock("python", "## A Java service and a Python worker")
			.replace("\"jobs\"", "\"" + this.jobsName + "\"")
			.replace("\"prices\"", "\"" + this.pricesName + "\"");
		String printed = Python.exec(python);
		assertThat(printed.lines()).containsExactly("running", "101.25");
		assertThat(jobs.get(0)).isEqualTo(42L);
		assertThat(jobs.block().isLinked()).isTrue();
		assertThat(prices.block().isLinked()).isTrue();
		jobs.block().unlink();
		prices.block().unlink();
	}

	private static String codeBlock(String language, String section) throws IOException {
		String doc = Files.readString(DOC);
		int from = doc.indexOf("```" + language + "\n", doc.indexOf(section));
		int start = from + language.length() + 4;
		return doc.substring(start, doc.indexOf("```", start));
	}

}
