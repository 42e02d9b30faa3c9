package io.weft.api.state;

/** Keyed state: every operation applies to the key of the record (or timer) being processed. */
public interface State {
    void clear();
}
