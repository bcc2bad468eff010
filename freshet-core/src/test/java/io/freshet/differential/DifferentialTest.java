package io.freshet.differential;

import io.freshet.Freshet;
import io.freshet.Row;
import io.freshet.differential.QueryGenerator.Feature;
import io.freshet.differential.QueryGenerator.Query;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs random queries on random tables in Freshet and in DuckDB and expects the same answers.
 *
 * <p>The seed is printed on failure; replay with {@code -Dfreshet.differential.seed=N}. The
 * number of queries is {@code -Dfreshet.differential.queries=N} (default 400), {@code
 * -Dfreshet.differential.features=JOIN,WINDOW} limits the query shapes, and {@code
 * -Dfreshet.differential.knownBugs=true} turns on the grammar parts that are kept out because
 * Freshet is known to get them wrong (see {@link KnownBugs}).
 */
class DifferentialTest {
    private static final String SEED_PROPERTY = "freshet.differential.seed";
    private static final String QUERIES_PROPERTY = "freshet.differential.queries";
    private static final String FEATURES_PROPERTY = "freshet.differential.features";

    /** Queries per data set; each data set gets fresh sessions of both engines. */
    private static final int QUERIES_PER_DATA_SET = 50;

    /** How many mismatches to describe in the failure message. */
    private static final int MAX_REPORTED = 5;

    @Test
    void randomQueriesGiveTheSameAnswersInFreshetAndDuckDb() throws SQLException, IOException {
        long seed = Long.getLong(SEED_PROPERTY, System.nanoTime());
        int queries = Integer.getInteger(QUERIES_PROPERTY, 400);
        Random random = new Random(seed);
        EnumSet<Feature> features = features();
        List<String> mismatches = new ArrayList<>();
        List<String> details = new ArrayList<>();
        int compared = 0;
        while (compared < queries) {
            RandomTables.Script script = RandomTables.generate(random);
            try (Freshet freshet = Freshet.create();
                    Connection duckdb = DriverManager.getConnection("jdbc:duckdb:")) {
                for (String statement : script.freshet()) {
                    freshet.sql(statement).collect();
                }
                try (Statement jdbc = duckdb.createStatement()) {
                    for (String statement : script.duckdb()) {
                        jdbc.execute(statement);
                    }
                }
                QueryGenerator generator = new QueryGenerator(random, features, KnownBugs.enabled());
                for (int i = 0; i < QUERIES_PER_DATA_SET && compared < queries; i++, compared++) {
                    Query query = generator.next();
                    compare(freshet, duckdb, query).ifPresent(problem -> {
                        mismatches.add(problem);
                        details.add(problem + "\n  data:\n    " + String.join(";\n    ", script.freshet()));
                    });
                }
            }
        }
        Path report = Path.of("target", "differential-mismatches.txt");
        if (!details.isEmpty()) {
            Files.createDirectories(report.getParent());
            Files.writeString(report, "seed " + seed + "\n\n" + String.join("\n\n", details) + "\n");
        }
        assertThat(mismatches)
                .as(
                        "%d of %d random queries disagree with DuckDB (seed %d; replay with -D%s=%d; all of them,"
                                + " with the data, in %s); the first:%n%s",
                        mismatches.size(),
                        queries,
                        seed,
                        SEED_PROPERTY,
                        seed,
                        report.toAbsolutePath(),
                        String.join("\n\n", mismatches.subList(0, Math.min(MAX_REPORTED, mismatches.size()))))
                .isEmpty();
    }

    /** The query shapes to generate: all, or those named in {@code -Dfreshet.differential.features=A,B}. */
    private static EnumSet<Feature> features() {
        String names = System.getProperty(FEATURES_PROPERTY, "").trim();
        if (names.isEmpty()) {
            return EnumSet.allOf(Feature.class);
        }
        EnumSet<Feature> features = EnumSet.noneOf(Feature.class);
        for (String name : names.split(",")) {
            features.add(Feature.valueOf(name.trim().toUpperCase(java.util.Locale.ROOT)));
        }
        return features;
    }

    /** Runs one query on both engines and describes how their answers differ, if they do. */
    private static Optional<String> compare(Freshet freshet, Connection duckdb, Query query) {
        List<List<Object>> expected;
        try {
            expected = Results.normalizeRows(runDuckDb(duckdb, query.sql()));
        } catch (SQLException e) {
            return Optional.of(
                    "DuckDB rejects a generated query (fix the generator): " + query.sql() + "\n  " + e.getMessage());
        }
        List<List<Object>> actual;
        try {
            actual = Results.normalizeRows(runFreshet(freshet, query.sql()));
        } catch (RuntimeException e) {
            return Optional.of("Freshet fails on: " + query.sql() + "\n  " + e);
        }
        return Results.difference(expected, actual, query.ordered())
                .map(difference -> "Different answers (" + (query.ordered() ? "ordered" : "as multisets") + ") for: "
                        + query.sql() + "\n  " + difference);
    }

    private static List<List<Object>> runFreshet(Freshet freshet, String sql) {
        List<List<Object>> rows = new ArrayList<>();
        for (Row row : freshet.sql(sql).collect()) {
            List<Object> values = new ArrayList<>(row.size());
            for (int i = 0; i < row.size(); i++) {
                values.add(row.get(i));
            }
            rows.add(values);
        }
        return rows;
    }

    private static List<List<Object>> runDuckDb(Connection duckdb, String sql) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Statement statement = duckdb.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<Object> values = new ArrayList<>(columns);
                for (int i = 1; i <= columns; i++) {
                    values.add(result.getObject(i));
                }
                rows.add(values);
            }
        }
        return rows;
    }
}
