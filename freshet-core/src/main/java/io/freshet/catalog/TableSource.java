package io.freshet.catalog;

import io.freshet.types.Schema;

/**
 * Where a scanned table's rows come from: a directory of files, an in-memory table, a connector.
 * The logical plan holds it; the physical planner asks it for a {@link BatchScan}.
 */
public interface TableSource {

    /** A short description for plans, e.g. {@code csv /data/sales}. */
    String describe();

    Schema schema();

    /**
     * A scan of this source that reads the given columns (indexes into {@link #schema()}, in that order).
     * Filters are hints the source may use to skip data; the engine applies them again.
     */
    BatchScan createScan(int[] projection, java.util.List<io.freshet.expr.Expr> filters);
}
