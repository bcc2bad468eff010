package io.freshet.stream.source;

import io.freshet.data.DoubleVector;
import io.freshet.data.LongVector;
import io.freshet.data.StringVector;
import io.freshet.data.Vector;
import io.freshet.types.BigintType;
import io.freshet.types.DataType;
import io.freshet.types.DoubleType;
import io.freshet.types.Field;
import io.freshet.types.IntervalType;
import io.freshet.types.StringType;
import io.freshet.types.TimestampType;
import java.util.List;

import static io.freshet.util.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * A column of a {@link GeneratorStreamTable}: its values are a function of the row index, computed a block of
 * rows at a time into a primitive array (no object per row), so the same index always gives the same value and
 * a replayed range is identical. The static factories cover the usual benchmark columns; a custom column
 * implements {@link LongFill}, {@link DoubleFill} or {@link IdFill}.
 */
public sealed interface GeneratedColumn
        permits GeneratedColumn.Longs, GeneratedColumn.Doubles, GeneratedColumn.Strings {

    Field field();

    /** The vector of rows {@code [firstRow, firstRow + count)}. */
    Vector generate(long firstRow, int count);

    /** Fills {@code values[0, count)} with the values of rows {@code firstRow, firstRow + 1, ...}. */
    @FunctionalInterface
    interface LongFill {
        void fill(long firstRow, int count, long[] values);
    }

    /** Fills {@code values[0, count)} with the values of rows {@code firstRow, firstRow + 1, ...}. */
    @FunctionalInterface
    interface DoubleFill {
        void fill(long firstRow, int count, double[] values);
    }

    /** Fills {@code ids[0, count)} with dictionary indexes for rows {@code firstRow, firstRow + 1, ...}. */
    @FunctionalInterface
    interface IdFill {
        void fill(long firstRow, int count, int[] ids);
    }

    /** A BIGINT, TIMESTAMP (microseconds) or INTERVAL (microseconds) column. */
    record Longs(String name, DataType type, LongFill fill) implements GeneratedColumn {
        public Longs {
            requireNonNull(name, "name is null");
            checkArgument(
                    type instanceof BigintType || type instanceof TimestampType || type instanceof IntervalType,
                    "a long column is BIGINT, TIMESTAMP or INTERVAL: %s",
                    type);
            requireNonNull(fill, "fill is null");
        }

        @Override
        public Field field() {
            return new Field(name, type, false);
        }

        @Override
        public Vector generate(long firstRow, int count) {
            long[] values = new long[count];
            fill.fill(firstRow, count, values);
            return new LongVector(type, values, null, count);
        }
    }

    /** A DOUBLE column. */
    record Doubles(String name, DoubleFill fill) implements GeneratedColumn {
        public Doubles {
            requireNonNull(name, "name is null");
            requireNonNull(fill, "fill is null");
        }

        @Override
        public Field field() {
            return new Field(name, DoubleType.DOUBLE, false);
        }

        @Override
        public Vector generate(long firstRow, int count) {
            double[] values = new double[count];
            fill.fill(firstRow, count, values);
            return new DoubleVector(DoubleType.DOUBLE, values, null, count);
        }
    }

    /**
     * A STRING column whose values come from a fixed list; every batch is dictionary-encoded over the same
     * dictionary vector, so generating a batch costs one int per row.
     */
    record Strings(String name, List<String> values, IdFill ids, StringVector dictionary) implements GeneratedColumn {
        public Strings {
            requireNonNull(name, "name is null");
            values = List.copyOf(values);
            checkArgument(!values.isEmpty(), "a string column needs at least one value");
            requireNonNull(ids, "ids is null");
            requireNonNull(dictionary, "dictionary is null");
            checkArgument(
                    !dictionary.isDictionary() && dictionary.size() == values.size() && !dictionary.mayHaveNulls(),
                    "the dictionary must be a flat vector of the values");
        }

        public Strings(String name, List<String> values, IdFill ids) {
            this(name, values, ids, StringVector.of(values.toArray(String[]::new)));
        }

        @Override
        public Field field() {
            return new Field(name, StringType.STRING, false);
        }

        @Override
        public Vector generate(long firstRow, int count) {
            int[] indexes = new int[count];
            ids.fill(firstRow, count, indexes);
            int size = values.size();
            for (int i = 0; i < count; i++) {
                if (indexes[i] < 0 || indexes[i] >= size) {
                    throw new IllegalStateException(
                            "column " + name + " generated dictionary index " + indexes[i] + " out of " + size);
                }
            }
            return StringVector.dictionary(dictionary, indexes, null, count);
        }
    }

    /** BIGINT {@code name} = the row index. */
    static GeneratedColumn sequence(String name) {
        return new Longs(name, BigintType.BIGINT, (first, count, values) -> {
            for (int i = 0; i < count; i++) {
                values[i] = first + i;
            }
        });
    }

    /**
     * TIMESTAMP {@code name} = {@code startMicros + row / rowsPerSecond} seconds: evenly spaced, in row order (the
     * rate source's timestamps).
     */
    static GeneratedColumn timestamps(String name, long startMicros, long rowsPerSecond) {
        checkArgument(rowsPerSecond > 0, "rowsPerSecond must be positive: %s", rowsPerSecond);
        return new Longs(name, TimestampType.TIMESTAMP, (first, count, values) -> {
            for (int i = 0; i < count; i++) {
                values[i] = startMicros + offsetMicros(first + i, rowsPerSecond);
            }
        });
    }

    /**
     * TIMESTAMP {@code name} as {@link #timestamps}, each moved back by a pseudo-random delay in {@code [0,
     * maxDelayMicros]}: out-of-order event times for watermark and late-row tests.
     */
    static GeneratedColumn delayedTimestamps(
            String name, long startMicros, long rowsPerSecond, long maxDelayMicros, long seed) {
        checkArgument(rowsPerSecond > 0, "rowsPerSecond must be positive: %s", rowsPerSecond);
        checkArgument(maxDelayMicros >= 0, "maxDelayMicros must be non-negative: %s", maxDelayMicros);
        long bound = maxDelayMicros + 1;
        return new Longs(name, TimestampType.TIMESTAMP, (first, count, values) -> {
            for (int i = 0; i < count; i++) {
                long row = first + i;
                values[i] = startMicros + offsetMicros(row, rowsPerSecond) - bounded(mix(seed, row), bound);
            }
        });
    }

    /** BIGINT {@code name}, pseudo-random and uniform in {@code [0, bound)} (e.g. a user id out of U users). */
    static GeneratedColumn uniformLong(String name, long bound, long seed) {
        checkArgument(bound > 0, "bound must be positive: %s", bound);
        return new Longs(name, BigintType.BIGINT, (first, count, values) -> {
            for (int i = 0; i < count; i++) {
                values[i] = bounded(mix(seed, first + i), bound);
            }
        });
    }

    /** DOUBLE {@code name}, pseudo-random and uniform in {@code [min, max)}. */
    static GeneratedColumn uniformDouble(String name, double min, double max, long seed) {
        checkArgument(min < max, "min must be below max: %s, %s", min, max);
        double width = max - min;
        return new Doubles(name, (first, count, values) -> {
            for (int i = 0; i < count; i++) {
                values[i] = min + width * ((mix(seed, first + i) >>> 11) * 0x1.0p-53);
            }
        });
    }

    /** STRING {@code name}, one of {@code values} chosen pseudo-randomly and uniformly (e.g. a region). */
    static GeneratedColumn pick(String name, List<String> values, long seed) {
        int size = values.size();
        return new Strings(name, values, (first, count, ids) -> {
            for (int i = 0; i < count; i++) {
                ids[i] = (int) bounded(mix(seed, first + i), size);
            }
        });
    }

    /** STRING {@code name}, cycling through {@code values} in order: row i has {@code values[i % size]}. */
    static GeneratedColumn cycle(String name, List<String> values) {
        int size = values.size();
        return new Strings(name, values, (first, count, ids) -> {
            int id = (int) (first % size);
            for (int i = 0; i < count; i++) {
                ids[i] = id;
                id = id + 1 == size ? 0 : id + 1;
            }
        });
    }

    /** Microseconds from the start to row {@code row} at {@code rowsPerSecond}, without overflow for real counts. */
    private static long offsetMicros(long row, long rowsPerSecond) {
        return (row / rowsPerSecond) * 1_000_000L + (row % rowsPerSecond) * 1_000_000L / rowsPerSecond;
    }

    /** A well-mixed 64-bit hash of (seed, row): SplitMix64's finalizer. */
    private static long mix(long seed, long row) {
        long z = seed + (row + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** {@code hash} mapped to {@code [0, bound)} without modulo bias worth noticing (Lemire's multiply-shift). */
    private static long bounded(long hash, long bound) {
        return Math.unsignedMultiplyHigh(hash, bound);
    }
}
