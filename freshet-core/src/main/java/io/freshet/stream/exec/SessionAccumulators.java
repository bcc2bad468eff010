package io.freshet.stream.exec;

import io.freshet.expr.aggregate.AggregateFunction;
import io.freshet.expr.aggregate.GroupedAccumulator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Operations on one accumulator per aggregate, as a streaming session aggregation keeps them. */
final class SessionAccumulators {
    private SessionAccumulators() {}

    static GroupedAccumulator[] create(AggregateFunction[] functions) {
        GroupedAccumulator[] accumulators = new GroupedAccumulator[functions.length];
        for (int k = 0; k < functions.length; k++) {
            accumulators[k] = functions[k].createAccumulator();
        }
        return accumulators;
    }

    static void ensureCapacity(GroupedAccumulator[] accumulators, int groups) {
        for (GroupedAccumulator accumulator : accumulators) {
            accumulator.ensureCapacity(groups);
        }
    }

    /** Merges group {@code g} of each source accumulator into group {@code mapping[g]} of its target. */
    static void merge(GroupedAccumulator[] target, GroupedAccumulator[] source, int[] mapping) {
        if (mapping.length == 0) {
            return;
        }
        for (int k = 0; k < target.length; k++) {
            target[k].merge(source[k], mapping, mapping.length);
        }
    }

    /** The states of one group, one accumulator after another. */
    static byte[] writeStates(GroupedAccumulator[] accumulators, int group) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32);
        DataOutputStream out = new DataOutputStream(bytes);
        try {
            for (GroupedAccumulator accumulator : accumulators) {
                accumulator.writeState(group, out);
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Reads states written by {@link #writeStates} into one group, replacing what it held. */
    static void readStates(GroupedAccumulator[] accumulators, int group, byte[] bytes) {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        try {
            for (GroupedAccumulator accumulator : accumulators) {
                accumulator.readState(group, in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
