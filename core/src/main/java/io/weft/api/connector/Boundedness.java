package io.weft.api.connector;

/** Whether a source ends by itself (BOUNDED) or runs until cancelled (CONTINUOUS_UNBOUNDED). */
public enum Boundedness {
    BOUNDED, CONTINUOUS_UNBOUNDED
}
