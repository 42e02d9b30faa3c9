package io.weft.api.connector;

/** What a {@link SourceReader} reports after a poll. */
public enum InputStatus {
    /** More records can be polled right away. */
    MORE_AVAILABLE,
    /** Nothing now; poll again once {@link SourceReader#isAvailable()} completes. */
    NOTHING_AVAILABLE,
    /** The reader's share of the input is exhausted; it will not be polled again. */
    END_OF_INPUT
}
