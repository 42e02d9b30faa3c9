package io.weft.api.state;

import java.util.Objects;

/** Names a piece of keyed state and its kind; equal names within one operator mean the same state. */
public abstract class StateDescriptor<S extends State> {
    /** The kinds of keyed state. */
    public enum Kind { VALUE, LIST, MAP, REDUCING }

    private final String name;

    protected StateDescriptor(String name) {
        this.name = Objects.requireNonNull(name, "state name");
    }

    public String getName() {
        return name;
    }

    public abstract Kind getKind();
}
