package io.freshet.differential;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random tables with the same shape in every table, so that set operations and joins line up: a
 * unique non-null {@code id}, a small join key {@code k}, small integers, doubles with few
 * distinct (exactly representable) values, short strings and dates, each nullable column null
 * about one time in ten.
 */
final class RandomTables {
    /** The columns of every generated table, in order. */
    static final List<Column> COLUMNS = List.of(
            new Column("id", Kind.BIGINT),
            new Column("k", Kind.BIGINT),
            new Column("i", Kind.INT),
            new Column("d", Kind.DOUBLE),
            new Column("s", Kind.STRING),
            new Column("dt", Kind.DATE));

    /** The names of the generated tables. */
    static final List<String> TABLES = List.of("t0", "t1", "t2");

    /** Doubles that are exact in binary, so that sums do not depend on the order of addition. */
    static final double[] DOUBLES = {0.5, 1.25, -2.0, 3.75, 10.0, -0.25};

    /** Strings over a small alphabet, including the empty string and upper case. */
    static final String[] STRINGS = {"", "a", "b", "ab", "ba", "abc", "B", "Ab", "cab"};

    /** The first of the dates the generator picks from. */
    static final LocalDate FIRST_DATE = LocalDate.of(2024, 1, 1);

    /** How many distinct dates the generator picks from. */
    static final int DATE_COUNT = 8;

    /** The value kinds that the query grammar distinguishes. */
    enum Kind {
        BIGINT,
        INT,
        DOUBLE,
        STRING,
        DATE,
        BOOLEAN;

        boolean isIntegral() {
            return this == BIGINT || this == INT;
        }

        boolean isNumeric() {
            return isIntegral() || this == DOUBLE;
        }
    }

    /** A column of a generated table. */
    record Column(String name, Kind kind) {}

    private RandomTables() {}

    /** The statements that create and fill the tables, in Freshet's dialect and in DuckDB's. */
    record Script(List<String> freshet, List<String> duckdb) {}

    static Script generate(Random random) {
        List<String> freshet = new ArrayList<>();
        List<String> duckdb = new ArrayList<>();
        for (String table : TABLES) {
            freshet.add("CREATE TABLE " + table
                    + " (id BIGINT, k BIGINT, i INT, d DOUBLE, s STRING, dt DATE) USING memory");
            duckdb.add("CREATE TABLE " + table + " (id BIGINT, k BIGINT, i INTEGER, d DOUBLE, s VARCHAR, dt DATE)");
            // Now and then an empty table, to exercise empty inputs.
            int rows = random.nextInt(12) == 0 ? 0 : 1 + random.nextInt(25);
            if (rows == 0) {
                continue;
            }
            StringBuilder values = new StringBuilder("INSERT INTO " + table + " VALUES ");
            for (int row = 0; row < rows; row++) {
                if (row > 0) {
                    values.append(", ");
                }
                values.append('(').append(row + 1);
                values.append(", ").append(nullOr(random, Integer.toString(random.nextInt(6))));
                values.append(", ").append(nullOr(random, Integer.toString(random.nextInt(21) - 10)));
                values.append(", ")
                        .append(nullOr(random, "CAST(" + DOUBLES[random.nextInt(DOUBLES.length)] + " AS DOUBLE)"));
                values.append(", ").append(nullOr(random, quote(STRINGS[random.nextInt(STRINGS.length)])));
                values.append(", ")
                        .append(nullOr(random, "DATE '" + FIRST_DATE.plusDays(random.nextInt(DATE_COUNT)) + "'"));
                values.append(')');
            }
            freshet.add(values.toString());
            duckdb.add(values.toString());
        }
        return new Script(freshet, duckdb);
    }

    private static String nullOr(Random random, String literal) {
        return random.nextInt(10) == 0 ? "NULL" : literal;
    }

    static String quote(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
