package io.weft.api.state;

/** Describes a {@link MapState}. */
public final class MapStateDescriptor<UK, UV> extends StateDescriptor<MapState<UK, UV>> {
    public MapStateDescriptor(String name) {
        super(name);
    }

    public MapStateDescriptor(String name, Class<UK> keyType, Class<UV> valueType) {
        super(name);
    }

    @Override
    public Kind getKind() {
        return Kind.MAP;
    }
}
