package io.freshet.plan.logical;

import io.freshet.catalog.TableSource;
import io.freshet.expr.Expr;
import io.freshet.types.Field;
import io.freshet.types.Schema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Reads a table. {@code projection} lists the source columns read, in output order; {@code filters}
 * (over the output columns) were pushed into the scan and are applied by it.
 *
 * @param streaming whether the table is read as a stream ({@code FROM STREAM t})
 */
public record Scan(String table, TableSource source, int[] projection, List<Expr> filters, boolean streaming)
        implements LogicalPlan {
    public Scan {
        requireNonNull(table, "table is null");
        requireNonNull(source, "source is null");
        projection = projection.clone();
        filters = List.copyOf(filters);
    }

    /** A scan of every column of the source. */
    public static Scan of(String table, TableSource source, boolean streaming) {
        int[] all = new int[source.schema().size()];
        Arrays.setAll(all, i -> i);
        return new Scan(table, source, all, List.of(), streaming);
    }

    @Override
    public int[] projection() {
        return projection.clone();
    }

    @Override
    public Schema schema() {
        Schema full = source.schema();
        List<Field> fields = new ArrayList<>(projection.length);
        for (int index : projection) {
            fields.add(full.field(index));
        }
        return new Schema(fields);
    }

    @Override
    public List<LogicalPlan> inputs() {
        return List.of();
    }

    @Override
    public LogicalPlan withInputs(List<LogicalPlan> inputs) {
        return this;
    }

    @Override
    public boolean isStreaming() {
        return streaming;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Scan that
                && table.equals(that.table)
                && source == that.source
                && Arrays.equals(projection, that.projection)
                && filters.equals(that.filters)
                && streaming == that.streaming;
    }

    @Override
    public int hashCode() {
        return table.hashCode() * 31 + Arrays.hashCode(projection);
    }
}
