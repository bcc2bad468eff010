package io.freshet.benchmarks;

import io.freshet.connector.memory.MemoryTableSource;
import io.freshet.data.Batch;
import io.freshet.data.DoubleVector;
import io.freshet.data.LongVector;
import io.freshet.data.StringVector;
import io.freshet.data.Vector;
import io.freshet.types.BigintType;
import io.freshet.types.DataType;
import io.freshet.types.DoubleType;
import io.freshet.types.Field;
import io.freshet.types.Schema;
import io.freshet.types.StringType;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark tables, defined by integer formulas of the row number so that Freshet (built here as
 * in-memory batches) and DuckDB (built by {@code CREATE TABLE … AS SELECT … FROM range(n)}) hold the very
 * same rows without shipping them through JDBC.
 *
 * <p>{@code facts} (10M rows): {@code id}; {@code region}, 12 strings {@code region_00..region_11};
 * {@code user_id}, 1M distinct values, each 10 times; {@code amount} in [0, 1000); {@code qty} in [0, 100);
 * {@code discount} in [0, 0.10]; {@code dim_key} in [0, 100k), each 100 times. {@code dim} (100k rows):
 * {@code dim_key}, {@code category}, 25 strings {@code cat_00..cat_24}.
 */
public final class BenchData {
    /** Rows of the fact table. */
    public static final int FACT_ROWS = 10_000_000;
    /** Rows of the dimension table. */
    public static final int DIM_ROWS = 100_000;
    /** Distinct users of the fact table. */
    public static final int USERS = 1_000_000;
    /** Rows per batch, the executor's default batch size. */
    static final int BATCH_ROWS = 8192;

    static final int REGIONS = 12;
    static final int CATEGORIES = 25;

    private BenchData() {}

    /** The columns of {@code facts}, each with its Java formula and the same formula in DuckDB's SQL. */
    public enum FactColumn {
        ID(BigintType.BIGINT, "i"),
        REGION(StringType.STRING, "'region_' || lpad(CAST(((i * 2654435761) // 65536) % 12 AS VARCHAR), 2, '0')"),
        USER_ID(BigintType.BIGINT, "(i * 7919) % 1000000"),
        AMOUNT(DoubleType.DOUBLE, "CAST((i * 104729) % 100000 AS DOUBLE) / 100"),
        QTY(BigintType.BIGINT, "(i * 13 + 7) % 100"),
        DISCOUNT(DoubleType.DOUBLE, "CAST((i * 37) % 11 AS DOUBLE) / 100"),
        DIM_KEY(BigintType.BIGINT, "(i * 6007) % 100000");

        private final DataType type;
        private final String duckdbSql;

        FactColumn(DataType type, String duckdbSql) {
            this.type = type;
            this.duckdbSql = duckdbSql;
        }

        String columnName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        String duckdbType() {
            return type instanceof StringType ? "VARCHAR" : type instanceof DoubleType ? "DOUBLE" : "BIGINT";
        }

        long longValue(long i) {
            return switch (this) {
                case ID -> i;
                case USER_ID -> (i * 7919) % USERS;
                case QTY -> (i * 13 + 7) % 100;
                case DIM_KEY -> (i * 6007) % DIM_ROWS;
                case REGION -> regionId(i);
                case AMOUNT, DISCOUNT -> throw new IllegalStateException(this + " is a double column");
            };
        }

        double doubleValue(long i) {
            return switch (this) {
                case AMOUNT -> (double) ((i * 104729) % 100_000) / 100;
                case DISCOUNT -> (double) ((i * 37) % 11) / 100;
                case ID, REGION, USER_ID, QTY, DIM_KEY -> throw new IllegalStateException(this + " is a long column");
            };
        }
    }

    static int regionId(long i) {
        return (int) (((i * 2654435761L) / 65536) % REGIONS);
    }

    /** The in-memory fact table with the given columns, in that order. */
    public static MemoryTableSource facts(FactColumn... columns) {
        List<Field> fields = new ArrayList<>();
        for (FactColumn column : columns) {
            fields.add(new Field(column.columnName(), column.type, false));
        }
        Schema schema = new Schema(fields);
        StringVector regions = dictionary("region_", REGIONS);
        List<Batch> batches = new ArrayList<>();
        for (int start = 0; start < FACT_ROWS; start += BATCH_ROWS) {
            int size = Math.min(BATCH_ROWS, FACT_ROWS - start);
            Vector[] vectors = new Vector[columns.length];
            for (int c = 0; c < columns.length; c++) {
                vectors[c] = factVector(columns[c], start, size, regions);
            }
            batches.add(new Batch(vectors, size));
        }
        return MemoryTableSource.of("facts", schema, batches);
    }

    private static Vector factVector(FactColumn column, int start, int size, StringVector regions) {
        switch (column) {
            case REGION -> {
                int[] ids = new int[size];
                for (int r = 0; r < size; r++) {
                    ids[r] = regionId(start + r);
                }
                return StringVector.dictionary(regions, ids, null, size);
            }
            case AMOUNT, DISCOUNT -> {
                double[] values = new double[size];
                for (int r = 0; r < size; r++) {
                    values[r] = column.doubleValue(start + r);
                }
                return new DoubleVector(DoubleType.DOUBLE, values, null, size);
            }
            case ID, USER_ID, QTY, DIM_KEY -> {
                long[] values = new long[size];
                for (int r = 0; r < size; r++) {
                    values[r] = column.longValue(start + r);
                }
                return new LongVector(BigintType.BIGINT, values, null, size);
            }
        }
        throw new AssertionError(column);
    }

    /** The in-memory dimension table {@code dim(dim_key BIGINT, category STRING)}. */
    public static MemoryTableSource dim() {
        Schema schema = new Schema(List.of(
                new Field("dim_key", BigintType.BIGINT, false), new Field("category", StringType.STRING, false)));
        StringVector categories = dictionary("cat_", CATEGORIES);
        List<Batch> batches = new ArrayList<>();
        for (int start = 0; start < DIM_ROWS; start += BATCH_ROWS) {
            int size = Math.min(BATCH_ROWS, DIM_ROWS - start);
            long[] keys = new long[size];
            int[] ids = new int[size];
            for (int r = 0; r < size; r++) {
                keys[r] = start + r;
                ids[r] = (start + r) % CATEGORIES;
            }
            batches.add(Batch.of(
                    new LongVector(BigintType.BIGINT, keys, null, size),
                    StringVector.dictionary(categories, ids, null, size)));
        }
        return MemoryTableSource.of("dim", schema, batches);
    }

    private static StringVector dictionary(String prefix, int count) {
        String[] values = new String[count];
        for (int i = 0; i < count; i++) {
            values[i] = prefix + String.format("%02d", i);
        }
        return StringVector.of(values);
    }

    /** Creates {@code facts} with the given columns in a DuckDB database. */
    public static void createDuckdbFacts(Connection connection, FactColumn... columns) throws SQLException {
        StringBuilder sql = new StringBuilder("CREATE OR REPLACE TABLE facts AS SELECT ");
        for (int c = 0; c < columns.length; c++) {
            sql.append(c == 0 ? "" : ", ")
                    .append("CAST(")
                    .append(columns[c].duckdbSql)
                    .append(" AS ")
                    .append(columns[c].duckdbType())
                    .append(") AS ")
                    .append(columns[c].columnName());
        }
        sql.append(" FROM range(").append(FACT_ROWS).append(") t(i) ORDER BY i");
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql.toString());
        }
    }

    /**
     * Turns {@code facts.region} of a DuckDB database into an {@code ENUM}: DuckDB's dictionary-encoded
     * string, the representation Freshet's table has (DuckDB 1.1 keeps in-memory VARCHARs uncompressed).
     */
    public static void useEnumRegion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TYPE region_t AS ENUM (SELECT DISTINCT region FROM facts ORDER BY region)");
            statement.execute(
                    "CREATE OR REPLACE TABLE facts AS SELECT * REPLACE (CAST(region AS region_t) AS region) FROM facts");
        }
    }

    /** Creates {@code dim} in a DuckDB database. */
    public static void createDuckdbDim(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE OR REPLACE TABLE dim AS SELECT i AS dim_key, "
                    + "'cat_' || lpad(CAST(i % 25 AS VARCHAR), 2, '0') AS category FROM range(" + DIM_ROWS
                    + ") t(i) ORDER BY i");
        }
    }
}
