package io.sharedstate.function;

/** {@link SharedFunctions#increment()}. */
enum Increment implements SerializableUnaryOperator<Object> {

	INSTANCE;

	@Override
	public Object apply(Object value) {
		Number number = (Number) value;
		return Numbers.sum(number, Numbers.one(number));
	}

}
