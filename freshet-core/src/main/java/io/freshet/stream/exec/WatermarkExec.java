package io.freshet.stream.exec;

import io.freshet.plan.physical.ExtensionExec;
import io.freshet.plan.physical.PhysicalNode;
import io.freshet.types.Schema;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Passes its input through and records the event times it sees, from which the query's watermark
 * is computed at the end of the micro-batch ({@code withWatermark}, {@code WATERMARK … DELAY OF …}).
 *
 * @param index the position of this watermark among the query's watermarked inputs
 */
record WatermarkExec(PhysicalNode input, int index, int eventTimeColumn, long delayMicros) implements ExtensionExec {
    WatermarkExec {
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
        return input.partitionCount();
    }

    @Override
    public String details() {
        return "eventTime=" + input.schema().field(eventTimeColumn).name() + " delay=" + delayMicros + "us";
    }
}
