package io.weft.config;

import io.weft.api.FatalException;

/** A configuration value or key that cannot be used; the message names the key and the fix. */
public class IllegalConfigurationException extends FatalException {
    public IllegalConfigurationException(String message) {
        super(message);
    }
}
