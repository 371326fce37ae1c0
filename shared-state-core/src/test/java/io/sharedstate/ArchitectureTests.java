package io.sharedstate;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The direction of dependencies in the core: API ← object model ← engines ← front-ends ←
 * the manager's front door; no cycles between packages; the object model holds no
 * threads, futures or timers; no Spring.
 */
class ArchitectureTests {

	private static final JavaClasses CORE = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.sharedstate");

	private static final String[] TYPES = { "io.sharedstate.dict..", "io.sharedstate.list..",
			"io.sharedstate.namespace..", "io.sharedstate.value..", "io.sharedstate.lock..",
			"io.sharedstate.semaphore..", "io.sharedstate.event..", "io.sharedstate.barrier..",
			"io.sharedstate.queue..", "io.sharedstate.custom..", "io.sharedstate.snapshot..",
			"io.sharedstate.model.." };

	@Test
	void layersDependOnlyOnTheLayersBelowThem() {
		layeredArchitecture().consideringOnlyDependenciesInLayers()
			.layer("API")
			.definedBy("io.sharedstate.api..", "io.sharedstate.function..", "io.sharedstate.inspect..")
			.layer("Object model")
			.definedBy(TYPES)
			.layer("Catalog")
			.definedBy("io.sharedstate.types..")
			.layer("Engines")
			.definedBy("io.sharedstate.engine..", "io.sharedstate.host..", "io.sharedstate.local..",
					"io.sharedstate.codec..", "io.sharedstate.protocol..", "io.sharedstate.client..")
			.layer("Front-ends")
			.definedBy("io.sharedstate.server..", "io.sharedstate.python..")
			.layer("Shared memory")
			.definedBy("io.sharedstate.memory..")
			.layer("Manager")
			.definedBy("io.sharedstate")
			.whereLayer("Manager")
			.mayNotBeAccessedByAnyLayer()
			.whereLayer("Shared memory")
			.mayOnlyBeAccessedByLayers("Manager")
			.whereLayer("Front-ends")
			.mayOnlyBeAccessedByLayers("Manager")
			.whereLayer("Engines")
			.mayOnlyBeAccessedByLayers("Front-ends", "Manager")
			.whereLayer("Catalog")
			.mayOnlyBeAccessedByLayers("Engines", "Front-ends", "Manager")
			.whereLayer("Object model")
			.mayOnlyBeAccessedByLayers("Catalog", "Engines", "Front-ends", "Manager")
			.check(CORE);
	}

	@Test
	void engineBoundaryNamesNoEngineAndNoFrontEnd() {
		noClasses().that()
			.resideInAPackage("io.sharedstate.engine..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.sharedstate.host..", "io.sharedstate.local..", "io.sharedstate.client..",
					"io.sharedstate.server..", "io.sharedstate.python..")
			.check(CORE);
	}

	@Test
	void hostAndWireKnowNoClientServerOrInProcessEngine() {
		noClasses().that()
			.resideInAnyPackage("io.sharedstate.host..", "io.sharedstate.codec..", "io.sharedstate.protocol..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.sharedstate.local..", "io.sharedstate.client..", "io.sharedstate.server..",
					"io.sharedstate.python..")
			.check(CORE);
	}

	@Test
	void objectModelKeepsNoThreadsFuturesOrTimers() {
		noClasses().that()
			.resideInAnyPackage(TYPES)
			.and()
			.haveSimpleNameEndingWith("State")
			.should()
			.dependOnClassesThat()
			.haveFullyQualifiedName("java.util.concurrent.CompletableFuture")
			.orShould()
			.dependOnClassesThat()
			.haveFullyQualifiedName("java.util.concurrent.ScheduledExecutorService")
			.orShould()
			.dependOnClassesThat()
			.haveFullyQualifiedName("java.lang.Thread")
			.check(CORE);
	}

	@Test
	void packagesHaveNoCycles() {
		slices().matching("io.sharedstate.(*)..").should().beFreeOfCycles().check(CORE);
	}

	@Test
	void coreDoesNotDependOnSpring() {
		noClasses().should().dependOnClassesThat().resideInAPackage("org.springframework..").check(CORE);
	}

}
