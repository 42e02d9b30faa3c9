package io.weft.api.state;

/** Describes a {@link ListState}. */
public final class ListStateDescriptor<T> extends StateDescriptor<ListState<T>> {
    public ListStateDescriptor(String name) {
        super(name);
    }

    public ListStateDescriptor(String name, Class<T> type) {
        super(name);
    }

    @Override
    public Kind getKind() {
        return Kind.LIST;
    }
}
