package io.weft.runtime.deployment;

import io.weft.runtime.IntermediateDataSetID;
import java.util.List;

/**
 * An input gate of a task: the data set it reads, which subpartition of each producer partition, and the
 * channels (one per producer subtask it reads from). Immutable.
 */
public record InputGateDeploymentDescriptor(IntermediateDataSetID dataSetId, int consumedSubpartitionIndex,
        List<InputChannelDescriptor> channels) {
}
