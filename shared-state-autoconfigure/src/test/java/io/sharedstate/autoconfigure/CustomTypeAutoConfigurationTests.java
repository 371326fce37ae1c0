package io.sharedstate.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.sharedstate.SharedState;
import io.sharedstate.spring.Inject.SharedCustom;

import static org.assertj.core.api.Assertions.assertThat;

class CustomTypeAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SharedStateAutoConfiguration.class));

	@Test
	void registrationBeanRegistersTheTypeAndAnnotatedFieldGetsAProxyToTheSharedInstance() {
		this.runner.withUserConfiguration(TypeConfiguration.class).run((context) -> {
			Holder holder = context.getBean(Holder.class);
			holder.tally.add(3);
			assertThat(context.getBean(SharedState.class).proxy("Tally", "main", Tally.class).total()).isEqualTo(3);
			assertThat(context.getBean(SharedState.class).registeredTypes()).singleElement()
				.satisfies((type) -> assertThat(type.typeId()).isEqualTo("Tally"));
		});
	}

	public interface Tally {

		void add(int amount);

		int total();

	}

	static class SimpleTally implements Tally {

		private int total;

		@Override
		public void add(int amount) {
			this.total += amount;
		}

		@Override
		public int total() {
			return this.total;
		}

	}

	static class Holder {

		@SharedCustom(value = "main", type = "Tally")
		Tally tally;

	}

	@Configuration(proxyBeanMethods = false)
	static class TypeConfiguration {

		@Bean
		SharedTypeRegistration<Tally> tally() {
			return SharedTypeRegistration.of("Tally", Tally.class, SimpleTally::new);
		}

		@Bean
		Holder holder() {
			return new Holder();
		}

	}

}
