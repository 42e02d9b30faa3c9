package io.weft.api.datastream;

import io.weft.graph.Transformation;
import io.weft.types.TypeInformation;

/** The stream produced by one operator, whose settings (name, parallelism, ...) can still be changed. */
public class SingleOutputStreamOperator<T> extends DataStream<T> {
    public SingleOutputStreamOperator(StreamExecutionEnvironment environment, Transformation<T> transformation) {
        super(environment, transformation);
    }

    public SingleOutputStreamOperator<T> name(String name) {
        transformation.setName(name);
        return this;
    }

    /** A stable id for the operator (kept across versions of the program, for state). */
    public SingleOutputStreamOperator<T> uid(String uid) {
        transformation.setUid(uid);
        return this;
    }

    public SingleOutputStreamOperator<T> setParallelism(int parallelism) {
        transformation.setParallelism(parallelism);
        return this;
    }

    public SingleOutputStreamOperator<T> setMaxParallelism(int maxParallelism) {
        transformation.setMaxParallelism(maxParallelism);
        return this;
    }

    /** Puts the operator in a slot-sharing group; operators downstream inherit it unless they set their own. */
    public SingleOutputStreamOperator<T> slotSharingGroup(String group) {
        transformation.setSlotSharingGroup(group);
        return this;
    }

    /** Declares the output type, so records travel with a dedicated serializer. */
    public SingleOutputStreamOperator<T> returns(TypeInformation<T> type) {
        transformation.setOutputType(type);
        return this;
    }
}
