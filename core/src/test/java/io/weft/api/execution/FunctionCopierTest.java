package io.weft.api.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.api.functions.FilterFunction;
import io.weft.api.functions.MapFunction;
import io.weft.api.functions.ReduceFunction;
import io.weft.api.functions.RichFunction;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FunctionCopierTest {
    @Test
    void richFunctionWithMutableFieldsIsCopiedFieldByField() {
        CountingMapper original = new CountingMapper("pre-", 3);
        CountingMapper copy = FunctionCopier.copy(original);
        assertThat(copy).isNotSameAs(original).isInstanceOf(CountingMapper.class);
        assertThat(copy.prefix).isEqualTo("pre-");
        assertThat(copy.count).isEqualTo(3);
        assertThat(copy.limit).isEqualTo(3);
    }

    @Test
    void mutatingTheCopyLeavesTheOriginalAloneAndViceVersa() throws Exception {
        CountingMapper original = new CountingMapper("p", 0);
        CountingMapper copy = FunctionCopier.copy(original);
        copy.map("a");
        copy.map("b");
        assertThat(copy.count).isEqualTo(2);
        assertThat(original.count).isZero();
        original.prefix = "changed";
        assertThat(copy.prefix).isEqualTo("p");
    }

    @Test
    void eachCopyIsAFreshInstance() {
        CountingMapper original = new CountingMapper("x", 1);
        CountingMapper first = FunctionCopier.copy(original);
        CountingMapper second = FunctionCopier.copy(original);
        assertThat(first).isNotSameAs(second);
        first.count = 100;
        assertThat(second.count).isEqualTo(1);
    }

    @Test
    void fieldsDeclaredInSuperclassesAreCopied() {
        DerivedFilter original = new DerivedFilter();
        original.threshold = 10;
        original.seen = 5;
        DerivedFilter copy = FunctionCopier.copy(original);
        assertThat(copy).isNotSameAs(original);
        assertThat(copy.threshold).isEqualTo(10);
        assertThat(copy.seen).isEqualTo(5);
    }

    @Test
    void nestedUserFunctionsAreCopiedToo() throws Exception {
        CountingMapper inner = new CountingMapper("in-", 0);
        Wrapping outer = new Wrapping(inner);
        Wrapping copy = FunctionCopier.copy(outer);
        assertThat(copy).isNotSameAs(outer);
        assertThat(copy.delegate).isNotSameAs(inner).isInstanceOf(CountingMapper.class);
        copy.map("v");
        assertThat(((CountingMapper) copy.delegate).count).isEqualTo(1);
        assertThat(inner.count).isZero();
    }

    @Test
    void otherReferencedObjectsAreSharedAsDocumented() {
        CollectingReducer original = new CollectingReducer();
        CollectingReducer copy = FunctionCopier.copy(original);
        assertThat(copy).isNotSameAs(original);
        assertThat(copy.log).isSameAs(original.log);
    }

    @Test
    void cyclesBetweenFunctionsAreCopiedOnce() {
        Cyclic a = new Cyclic();
        Cyclic b = new Cyclic();
        a.other = b;
        b.other = a;
        Cyclic copy = FunctionCopier.copy(a);
        assertThat(copy).isNotSameAs(a);
        assertThat(copy.other).isNotSameAs(b).isNotSameAs(a);
        assertThat(copy.other.other).isSameAs(copy);
    }

    @Test
    void anonymousClassIsCopiedWhileCapturedObjectsAreShared() throws Exception {
        int[] calls = {0};
        MapFunction<String, String> anonymous = new MapFunction<>() {
            private int local = 7;

            @Override
            public String map(String value) {
                calls[0]++;
                return value + local++;
            }
        };
        MapFunction<String, String> copy = FunctionCopier.copy(anonymous);
        assertThat(copy).isNotSameAs(anonymous);
        assertThat(copy.map("a")).isEqualTo("a7");
        assertThat(copy.map("a")).isEqualTo("a8");
        assertThat(anonymous.map("a")).isEqualTo("a7");
        assertThat(calls[0]).isEqualTo(3);
    }

    @Test
    void lambdasAreReturnedAsTheyAre() {
        MapFunction<String, Integer> lambda = String::length;
        assertThat(FunctionCopier.copy(lambda)).isSameAs(lambda);
        int offset = 3;
        MapFunction<Integer, Integer> capturing = x -> x + offset;
        assertThat(FunctionCopier.copy(capturing)).isSameAs(capturing);
    }

    @Test
    void recordsAreReturnedAsTheyAre() {
        RecordFilter r = new RecordFilter(4);
        assertThat(FunctionCopier.copy(r)).isSameAs(r);
    }

    @Test
    void nonFunctionsAreReturnedAsTheyAre() {
        List<String> list = new ArrayList<>();
        assertThat(FunctionCopier.copy(list)).isSameAs(list);
        assertThat(FunctionCopier.copy((Object) "text")).isEqualTo("text");
        assertThat(FunctionCopier.<Object>copy(null)).isNull();
    }

    /** A rich function with mutable state. */
    static final class CountingMapper implements MapFunction<String, String>, RichFunction {
        final int limit;
        String prefix;
        int count;

        CountingMapper(String prefix, int count) {
            this.prefix = prefix;
            this.count = count;
            this.limit = count;
        }

        @Override
        public String map(String value) {
            count++;
            return prefix + value;
        }
    }

    /** Holds state in an abstract superclass. */
    abstract static class BaseFilter implements FilterFunction<Integer> {
        int seen;
    }

    /** Adds state of its own. */
    static final class DerivedFilter extends BaseFilter {
        int threshold;

        @Override
        public boolean filter(Integer value) {
            seen++;
            return value > threshold;
        }
    }

    /** A function that delegates to another user function. */
    static final class Wrapping implements MapFunction<String, String> {
        final MapFunction<String, String> delegate;

        Wrapping(MapFunction<String, String> delegate) {
            this.delegate = delegate;
        }

        @Override
        public String map(String value) throws Exception {
            return delegate.map(value);
        }
    }

    /** References a plain collection, which copies share. */
    static final class CollectingReducer implements ReduceFunction<Integer> {
        final List<Integer> log = new ArrayList<>();

        @Override
        public Integer reduce(Integer a, Integer b) {
            log.add(a);
            return a + b;
        }
    }

    /** Two functions referencing each other. */
    static final class Cyclic implements MapFunction<Integer, Integer> {
        Cyclic other;

        @Override
        public Integer map(Integer value) {
            return value;
        }
    }

    /** A record function: immutable by construction. */
    record RecordFilter(int min) implements FilterFunction<Integer> {
        @Override
        public boolean filter(Integer value) {
            return value >= min;
        }
    }
}
