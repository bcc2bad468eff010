package io.freshet.stream.exec;

import io.freshet.plan.physical.ExtensionExec;
import io.freshet.plan.physical.PhysicalNode;
import io.freshet.types.Schema;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * {@code LIMIT n} over a stream in append mode: emits rows until {@code n} were emitted over all
 * micro-batches, counting them in state. One partition.
 */
record StreamingLimitExec(PhysicalNode input, long limit, int operatorId) implements ExtensionExec {
    StreamingLimitExec {
        requireNonNull(input, "input is null");
    }

    @Override
    public Schema schema() {
        return input.schema();
    }

    @Override
    public List<PhysicalNode> inputs() {
        return List.of(input);
    }

    @Override
    public int partitionCount() {
        return 1;
    }

    @Override
    public String details() {
        return "id=" + operatorId + " limit=" + limit;
    }
}
