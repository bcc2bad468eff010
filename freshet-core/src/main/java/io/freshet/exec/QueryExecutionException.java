package io.freshet.exec;

import io.freshet.ErrorCode;
import io.freshet.FreshetException;

/**
 * The error that failed a query run, wrapped once with where it happened: the operator (as the plan
 * printer describes it) and the partition. A {@link FreshetException} keeps its code and message; any
 * other error becomes an {@code INTERNAL_ERROR} whose message names the operator.
 */
public final class QueryExecutionException extends FreshetException {
    private final String operator;
    private final int partition;

    QueryExecutionException(ErrorCode errorCode, String message, Throwable cause, String operator, int partition) {
        super(errorCode, message, cause);
        this.operator = operator;
        this.partition = partition;
    }

    static QueryExecutionException wrap(Throwable error, String operator, int partition) {
        if (error instanceof FreshetException freshet) {
            return new QueryExecutionException(freshet.errorCode(), freshet.getMessage(), error, operator, partition);
        }
        String message = "Internal error in " + operator + " (partition " + partition + "): " + error;
        return new QueryExecutionException(ErrorCode.INTERNAL_ERROR, message, error, operator, partition);
    }

    /** The operator that failed, e.g. {@code HashAggregateExec keys=[region] … partitions=4}. */
    public String operator() {
        return operator;
    }

    /** The partition of {@link #operator()} that failed, or -1 when not tied to one. */
    public int partition() {
        return partition;
    }
}
