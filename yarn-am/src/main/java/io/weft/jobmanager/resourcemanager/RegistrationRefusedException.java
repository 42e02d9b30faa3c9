package io.weft.jobmanager.resourcemanager;

import io.weft.api.WeftException;

/** The ResourceManager refused a TaskManager's registration; the message says why. */
public final class RegistrationRefusedException extends WeftException {
    public RegistrationRefusedException(String message) {
        super(message);
    }
}
