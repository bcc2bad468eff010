package io.freshet.stream.exec;

import io.freshet.data.Batch;
import io.freshet.data.ObjectVector;
import io.freshet.data.Vector;
import io.freshet.data.VectorBuilder;
import io.freshet.expr.aggregate.AggregateFunction;
import io.freshet.expr.aggregate.GroupedAccumulator;
import io.freshet.expr.functions.TimeWindowFunctions;
import io.freshet.types.DataType;
import io.freshet.types.StructValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the output rows of a streaming session aggregation: per session its key values, the session
 * {@code {start, end}} and its aggregates' final values.
 */
final class SessionRows {
    private final int sessionKey;
    private final VectorBuilder[] keyBuilders;
    private final List<Object> sessions = new ArrayList<>();
    private final GroupedAccumulator[] accumulators;
    private int count;

    /**
     * @param sessionKey where the session column goes among the key columns
     */
    SessionRows(List<DataType> keyTypes, int sessionKey, AggregateFunction[] functions) {
        this.sessionKey = sessionKey;
        this.keyBuilders = new VectorBuilder[keyTypes.size()];
        for (int c = 0; c < keyBuilders.length; c++) {
            keyBuilders[c] = VectorBuilder.forType(keyTypes.get(c), 16);
        }
        this.accumulators = SessionAccumulators.create(functions);
    }

    void add(Object[] key, StoredSessions.Session session) {
        for (int c = 0; c < keyBuilders.length; c++) {
            keyBuilders[c].append(key[c]);
        }
        sessions.add(new StructValue(new Object[] {session.start(), session.end()}));
        SessionAccumulators.ensureCapacity(accumulators, count + 1);
        SessionAccumulators.readStates(accumulators, count, session.states());
        count++;
    }

    boolean isEmpty() {
        return count == 0;
    }

    /** The rows: the keys with the session at its place among them, then the aggregates. */
    Batch build() {
        int keyCount = keyBuilders.length;
        Vector[] columns = new Vector[keyCount + 1 + accumulators.length];
        int column = 0;
        for (int c = 0; c <= keyCount; c++) {
            if (c == sessionKey) {
                columns[column++] =
                        new ObjectVector(TimeWindowFunctions.WINDOW_TYPE, sessions.toArray(new Object[0]), count);
            }
            if (c < keyCount) {
                columns[column++] = keyBuilders[c].build();
            }
        }
        for (GroupedAccumulator accumulator : accumulators) {
            columns[column++] = accumulator.result(count);
        }
        return new Batch(columns, count);
    }
}
