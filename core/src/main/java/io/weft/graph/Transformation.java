package io.weft.graph;

import io.weft.types.TypeInformation;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One step of a program as the API records it, before translation into a {@link StreamGraph}: a source, an
 * operator, a repartitioning or a union. Physical transformations become stream nodes; partitionings and
 * unions only shape the edges.
 *
 * <p>Built and read on the thread that runs the user's {@code main()}.
 */
public abstract class Transformation<T> {
    private static final AtomicInteger NEXT_ID = new AtomicInteger();
    private final int id = NEXT_ID.incrementAndGet();
    private String name;
    private String uid;
    private int parallelism = -1;
    private int maxParallelism = -1;
    private String slotSharingGroup;
    private TypeInformation<T> outputType;

    protected Transformation(String name) {
        this.name = name;
    }

    /** A fresh id from the same sequence, for nodes the translation adds. */
    static int newId() {
        return NEXT_ID.incrementAndGet();
    }

    public int getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getUid() {
        return uid;
    }

    public void setUid(String uid) {
        this.uid = uid;
    }

    /** The parallelism, or -1 for the environment's default. */
    public int getParallelism() {
        return parallelism;
    }

    public void setParallelism(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("Parallelism of '" + name + "' must be at least 1, not " + parallelism);
        }
        this.parallelism = parallelism;
    }

    /** The max parallelism (key groups), or -1 for the environment's default. */
    public int getMaxParallelism() {
        return maxParallelism;
    }

    public void setMaxParallelism(int maxParallelism) {
        if (maxParallelism < 1 || maxParallelism > 32768) {
            throw new IllegalArgumentException("Max parallelism of '" + name + "' must be within 1..32768, not "
                    + maxParallelism);
        }
        this.maxParallelism = maxParallelism;
    }

    /** The slot-sharing group, or null to inherit from the inputs ("default" for sources). */
    public String getSlotSharingGroup() {
        return slotSharingGroup;
    }

    public void setSlotSharingGroup(String slotSharingGroup) {
        this.slotSharingGroup = slotSharingGroup;
    }

    /** The declared output type, or null for the tagged dynamic serializer. */
    public TypeInformation<T> getOutputType() {
        return outputType;
    }

    public void setOutputType(TypeInformation<T> outputType) {
        this.outputType = outputType;
    }

    /** The transformations this one reads from. */
    public abstract List<Transformation<?>> getInputs();

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{id=" + id + ", name='" + name + "'}";
    }
}
