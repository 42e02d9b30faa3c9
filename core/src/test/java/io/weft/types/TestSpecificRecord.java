package io.weft.types;

import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecordBase;

/** A hand-written equivalent of a class generated from an Avro schema, for the SPECIFIC model. */
public final class TestSpecificRecord extends SpecificRecordBase {
    public static final Schema SCHEMA$ = new Schema.Parser().parse("{\"type\":\"record\",\"name\":"
            + "\"TestSpecificRecord\",\"namespace\":\"io.weft.types\",\"fields\":["
            + "{\"name\":\"name\",\"type\":{\"type\":\"string\",\"avro.java.string\":\"String\"}},"
            + "{\"name\":\"count\",\"type\":\"long\"}]}");

    private String name;
    private long count;

    public TestSpecificRecord() {
    }

    public TestSpecificRecord(String name, long count) {
        this.name = name;
        this.count = count;
    }

    @Override
    public Schema getSchema() {
        return SCHEMA$;
    }

    @Override
    public Object get(int field) {
        return switch (field) {
            case 0 -> name;
            case 1 -> count;
            default -> throw new IndexOutOfBoundsException(field);
        };
    }

    @Override
    public void put(int field, Object value) {
        switch (field) {
            case 0 -> name = value == null ? null : value.toString();
            case 1 -> count = (Long) value;
            default -> throw new IndexOutOfBoundsException(field);
        }
    }

    public String name() {
        return name;
    }

    public long count() {
        return count;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TestSpecificRecord r && Objects.equals(name, r.name) && count == r.count;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, count);
    }
}
