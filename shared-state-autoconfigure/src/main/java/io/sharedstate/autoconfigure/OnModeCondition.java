package io.sharedstate.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

import io.sharedstate.autoconfigure.SharedStateProperties.Mode;

/**
 * Binds {@code shared-state.mode} as {@link SharedStateProperties} will, so that a
 * misspelt mode fails here, naming the property and the valid values, instead of leaving
 * no manager for the beans that need one.
 */
final class OnModeCondition extends SpringBootCondition {

	static final String PROPERTY = "shared-state.mode";

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Mode expected = (Mode) metadata.getAnnotationAttributes(ConditionalOnMode.class.getName()).get("value");
		Mode mode = Binder.get(context.getEnvironment()).bind(PROPERTY, Mode.class).orElse(Mode.EMBEDDED);
		ConditionMessage.Builder message = ConditionMessage.forCondition(ConditionalOnMode.class, expected);
		return (mode == expected) ? ConditionOutcome.match(message.because(PROPERTY + " is " + mode))
				: ConditionOutcome.noMatch(message.because(PROPERTY + " is " + mode));
	}

}
