package io.freshet.expr.window;

import io.freshet.data.VectorBuilder;
import io.freshet.types.DataType;
import io.freshet.types.DoubleType;
import io.freshet.types.IntType;

import static java.util.Objects.requireNonNull;

/**
 * The ranking functions over peer groups: {@code rank()} (ties share a rank, gaps follow), {@code
 * dense_rank()} (no gaps), {@code percent_rank()} ({@code (rank - 1) / (rows - 1)}, 0 for a single row)
 * and {@code cume_dist()} (rows up to and including the row's peers, over all rows).
 */
public record RankFunction(Kind kind) implements WindowFunction {
    /** Which ranking. */
    public enum Kind {
        RANK,
        DENSE_RANK,
        PERCENT_RANK,
        CUME_DIST
    }

    public RankFunction {
        requireNonNull(kind, "kind is null");
    }

    @Override
    public String name() {
        return switch (kind) {
            case RANK -> "rank";
            case DENSE_RANK -> "dense_rank";
            case PERCENT_RANK -> "percent_rank";
            case CUME_DIST -> "cume_dist";
        };
    }

    @Override
    public DataType resultType() {
        return kind == Kind.RANK || kind == Kind.DENSE_RANK ? IntType.INT : DoubleType.DOUBLE;
    }

    @Override
    public boolean requiresOrder() {
        return true;
    }

    @Override
    public void evaluate(WindowPartition partition, VectorBuilder result) {
        int start = partition.start();
        int size = partition.size();
        int denseRank = 0;
        for (int row = start; row < partition.end(); row++) {
            int peerStart = partition.peerStart(row);
            if (peerStart == row) {
                denseRank++;
            }
            int rank = peerStart - start + 1;
            switch (kind) {
                case RANK -> result.appendInt(rank);
                case DENSE_RANK -> result.appendInt(denseRank);
                case PERCENT_RANK -> result.appendDouble(size <= 1 ? 0.0 : (rank - 1) / (double) (size - 1));
                case CUME_DIST -> result.appendDouble((partition.peerEnd(row) - start) / (double) size);
            }
        }
    }
}
