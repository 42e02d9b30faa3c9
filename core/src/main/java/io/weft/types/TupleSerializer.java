package io.weft.types;

import io.weft.api.tuple.Tuple2;
import io.weft.api.tuple.Tuple3;
import java.io.IOException;

/** Serializers of {@link Tuple2} and {@link Tuple3} from the serializers of their fields. */
public final class TupleSerializer {
    private TupleSerializer() {
    }

    public static <A, B> TypeSerializer<Tuple2<A, B>> of(TypeSerializer<A> s0, TypeSerializer<B> s1) {
        return new Tuple2Serializer<>(s0, s1);
    }

    public static <A, B, C> TypeSerializer<Tuple3<A, B, C>> of(TypeSerializer<A> s0, TypeSerializer<B> s1,
            TypeSerializer<C> s2) {
        return new Tuple3Serializer<>(s0, s1, s2);
    }

    private record Tuple2Serializer<A, B>(TypeSerializer<A> s0, TypeSerializer<B> s1)
            implements TypeSerializer<Tuple2<A, B>> {
        @Override
        public void serialize(Tuple2<A, B> t, DataOutputSerializer target) throws IOException {
            s0.serialize(t.f0, target);
            s1.serialize(t.f1, target);
        }

        @Override
        public Tuple2<A, B> deserialize(DataInputDeserializer source) throws IOException {
            return new Tuple2<>(s0.deserialize(source), s1.deserialize(source));
        }

        @Override
        public TypeSerializer<Tuple2<A, B>> duplicate() {
            return new Tuple2Serializer<>(s0.duplicate(), s1.duplicate());
        }
    }

    private record Tuple3Serializer<A, B, C>(TypeSerializer<A> s0, TypeSerializer<B> s1, TypeSerializer<C> s2)
            implements TypeSerializer<Tuple3<A, B, C>> {
        @Override
        public void serialize(Tuple3<A, B, C> t, DataOutputSerializer target) throws IOException {
            s0.serialize(t.f0, target);
            s1.serialize(t.f1, target);
            s2.serialize(t.f2, target);
        }

        @Override
        public Tuple3<A, B, C> deserialize(DataInputDeserializer source) throws IOException {
            return new Tuple3<>(s0.deserialize(source), s1.deserialize(source), s2.deserialize(source));
        }

        @Override
        public TypeSerializer<Tuple3<A, B, C>> duplicate() {
            return new Tuple3Serializer<>(s0.duplicate(), s1.duplicate(), s2.duplicate());
        }
    }
}
