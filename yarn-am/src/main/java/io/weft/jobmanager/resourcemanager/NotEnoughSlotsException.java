package io.weft.jobmanager.resourcemanager;

import io.weft.api.FatalException;

/** A job cannot get the slots it needs; the message names the job, the need, the capacity and the fix. */
public final class NotEnoughSlotsException extends FatalException {
    public NotEnoughSlotsException(String message) {
        super(message);
    }
}
