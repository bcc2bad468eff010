package io.freshet.stream.exec;

import io.freshet.data.Batch;
import io.freshet.data.BooleanVector;
import io.freshet.expr.EvalContext;
import io.freshet.expr.Evaluator;
import java.util.List;

/**
 * The candidate pairs of one micro-batch of a stream-stream join (rows with equal keys), tested in
 * batches against the residual condition: records which left and right rows found a match and adds the
 * joined rows (for a left semi join, each left row at its first match) to the output.
 */
final class JoinPairs {
    private final Batch left;
    private final Batch right;
    private final Evaluator residual;
    private final EvalContext evalContext;
    private final boolean semi;
    private final List<Batch> output;
    private final int[] leftRows;
    private final int[] rightRows;
    private final boolean[] leftMatched;
    private final boolean[] rightMatched;
    private int count;
    private long emitted;

    /**
     * @param left the left rows pairs refer to; {@code right} likewise
     * @param residual the residual condition over the left then right columns, or null
     */
    JoinPairs(
            Batch left,
            Batch right,
            Evaluator residual,
            EvalContext evalContext,
            boolean semi,
            int batchSize,
            List<Batch> output) {
        this.left = left;
        this.right = right;
        this.residual = residual;
        this.evalContext = evalContext;
        this.semi = semi;
        this.output = output;
        this.leftRows = new int[batchSize];
        this.rightRows = new int[batchSize];
        this.leftMatched = new boolean[left.rowCount()];
        this.rightMatched = new boolean[right.rowCount()];
    }

    /** Adds a candidate pair; tests the buffered pairs when the buffer is full. */
    void add(int leftRow, int rightRow) {
        if (semi && leftMatched[leftRow]) {
            return;
        }
        leftRows[count] = leftRow;
        rightRows[count] = rightRow;
        if (++count == leftRows.length) {
            flush();
        }
    }

    boolean leftMatched(int leftRow) {
        return leftMatched[leftRow];
    }

    boolean rightMatched(int rightRow) {
        return rightMatched[rightRow];
    }

    /** The number of rows added to the output so far. */
    long emitted() {
        return emitted;
    }

    /** Tests the buffered pairs. */
    void flush() {
        if (count == 0) {
            return;
        }
        Batch leftPart = left.select(leftRows, count);
        Batch pairs = leftPart.concatColumns(right.select(rightRows, count));
        BooleanVector passed = residual == null ? null : (BooleanVector) residual.evaluate(pairs, evalContext);
        int[] kept = new int[count];
        int keptCount = 0;
        for (int i = 0; i < count; i++) {
            if (passed != null && (passed.isNull(i) || !passed.getBoolean(i))) {
                continue;
            }
            if (semi) {
                // Each left row once, at its first match.
                if (!leftMatched[leftRows[i]]) {
                    leftMatched[leftRows[i]] = true;
                    kept[keptCount++] = i;
                }
                continue;
            }
            leftMatched[leftRows[i]] = true;
            rightMatched[rightRows[i]] = true;
            kept[keptCount++] = i;
        }
        if (keptCount > 0) {
            Batch source = semi ? leftPart : pairs;
            output.add(keptCount == count ? source : source.select(kept, keptCount));
            emitted += keptCount;
        }
        count = 0;
    }
}
