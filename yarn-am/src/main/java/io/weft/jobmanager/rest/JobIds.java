package io.weft.jobmanager.rest;

import io.weft.api.JobID;
import java.util.Locale;
import java.util.regex.Pattern;

/** Reads job ids from request paths, answering 400 for anything that is not 32 hex digits. Stateless. */
final class JobIds {
    private static final Pattern HEX_32 = Pattern.compile("[0-9a-fA-F]{32}");

    private JobIds() {
    }

    /**
     * Parses a job id.
     *
     * @throws RestException (400) naming the text and the expected form
     */
    static JobID parse(String text) {
        if (!HEX_32.matcher(text).matches()) {
            throw RestException.badRequest("'" + abbreviate(text) + "' is not a job id: a job id is 32 hex digits, "
                    + "as printed by 'weft list' or GET /jobs");
        }
        return JobID.fromHexString(text.toLowerCase(Locale.ROOT));
    }

    /** The text, cut to a length fit for an error message. */
    static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
