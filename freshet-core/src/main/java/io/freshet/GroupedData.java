package io.freshet;

import io.freshet.plan.parsed.ParsedExpr;
import java.util.Arrays;
import java.util.List;

/** A DataFrame grouped by keys, waiting for its aggregates: {@code df.groupBy("region").agg(sum("amount"))}. */
public final class GroupedData {
    private final DataFrame input;
    private final List<ParsedExpr> keys;

    GroupedData(DataFrame input, List<ParsedExpr> keys) {
        this.input = input;
        this.keys = List.copyOf(keys);
    }

    /** The keys, then one column per aggregate. */
    public DataFrame agg(Column... aggregates) {
        return input.grouped(keys, Column.exprs(aggregates));
    }

    public DataFrame count() {
        return agg(functions.count("*").as("count"));
    }

    public DataFrame sum(String... columnNames) {
        return agg(Arrays.stream(columnNames).map(functions::sum).toArray(Column[]::new));
    }

    public DataFrame avg(String... columnNames) {
        return agg(Arrays.stream(columnNames).map(functions::avg).toArray(Column[]::new));
    }

    public DataFrame min(String... columnNames) {
        return agg(Arrays.stream(columnNames).map(functions::min).toArray(Column[]::new));
    }

    public DataFrame max(String... columnNames) {
        return agg(Arrays.stream(columnNames).map(functions::max).toArray(Column[]::new));
    }
}
