package io.freshet.catalog;

import io.freshet.data.Batch;
import io.freshet.expr.EvalContext;
import java.util.List;
import java.util.function.Consumer;

/** A bounded read of a table, cut into splits that threads read independently. */
public interface BatchScan {

    /** The units of parallel work (files, byte ranges of files, groups of in-memory batches). */
    List<? extends Split> splits();

    /** Reads one split, passing its batches (with the projected columns) to {@code out}. */
    void read(Split split, EvalContext context, Consumer<Batch> out);

    /** A unit of a scan; {@link #describe()} names it in errors and progress. */
    interface Split {
        String describe();

        /** Bytes this split reads, for progress reporting (0 when unknown). */
        default long sizeInBytes() {
            return 0;
        }
    }
}
