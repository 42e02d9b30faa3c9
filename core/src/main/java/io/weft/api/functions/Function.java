package io.weft.api.functions;

/** Marker for every user function; a function instance is used by one task thread only. */
public interface Function {
}
