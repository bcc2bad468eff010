package io.freshet.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Enforces the layering of STYLE.md by reading the imports of every main source file, in the manner of
 * Kafka's import-control: lower layers never reach up, and third-party libraries stay where they belong.
 */
class ArchitectureTest {
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)");

    private record SourceFile(String packageName, Path path, List<String> imports) {}

    private static List<SourceFile> sources() {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            List<SourceFile> result = new ArrayList<>();
            for (Path path : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String packageName =
                        SOURCES.relativize(path.getParent()).toString().replace('/', '.');
                List<String> imports = new ArrayList<>();
                for (String line : Files.readAllLines(path)) {
                    Matcher matcher = IMPORT.matcher(line);
                    if (matcher.find()) {
                        imports.add(matcher.group(1));
                    }
                }
                result.add(new SourceFile(packageName, path, imports));
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> violations(String packagePrefix, List<String> forbiddenPrefixes) {
        List<String> found = new ArrayList<>();
        for (SourceFile source : sources()) {
            if (!source.packageName().equals(packagePrefix)
                    && !source.packageName().startsWith(packagePrefix + ".")) {
                continue;
            }
            for (String imported : source.imports()) {
                for (String forbidden : forbiddenPrefixes) {
                    if (imported.equals(forbidden) || imported.startsWith(forbidden + ".")) {
                        found.add(source.path() + " imports " + imported);
                    }
                }
            }
        }
        return found;
    }

    @Test
    void sourcesAreFound() {
        assertThat(sources()).hasSizeGreaterThan(20);
    }

    @Test
    void typesImportNothingElseOfFreshet() {
        assertThat(violations(
                        "io.freshet.types",
                        List.of(
                                "io.freshet.data",
                                "io.freshet.expr",
                                "io.freshet.plan",
                                "io.freshet.exec",
                                "io.freshet.sql",
                                "io.freshet.catalog",
                                "io.freshet.connector",
                                "io.freshet.stream",
                                "io.freshet.state")))
                .isEmpty();
    }

    @Test
    void dataImportsOnlyTypes() {
        assertThat(violations(
                        "io.freshet.data",
                        List.of(
                                "io.freshet.expr",
                                "io.freshet.plan",
                                "io.freshet.exec",
                                "io.freshet.sql",
                                "io.freshet.catalog",
                                "io.freshet.connector",
                                "io.freshet.stream",
                                "io.freshet.state")))
                .isEmpty();
    }

    @Test
    void expressionsDoNotKnowPlansOrExecution() {
        assertThat(violations(
                        "io.freshet.expr",
                        List.of(
                                "io.freshet.plan",
                                "io.freshet.exec",
                                "io.freshet.sql",
                                "io.freshet.stream",
                                "io.freshet.state")))
                .isEmpty();
    }

    @Test
    void plansNeverImportExecutionStreamingStateOrSql() {
        assertThat(violations(
                        "io.freshet.plan.logical",
                        List.of("io.freshet.exec", "io.freshet.stream", "io.freshet.state", "io.freshet.sql")))
                .isEmpty();
        assertThat(violations(
                        "io.freshet.plan.optimizer",
                        List.of("io.freshet.exec", "io.freshet.stream", "io.freshet.state", "io.freshet.sql")))
                .isEmpty();
        assertThat(violations(
                        "io.freshet.plan.parsed",
                        List.of("io.freshet.exec", "io.freshet.stream", "io.freshet.state", "io.freshet.sql")))
                .isEmpty();
    }

    @Test
    void executionNeverImportsSqlOrLogicalPlans() {
        assertThat(violations("io.freshet.exec", List.of("io.freshet.sql", "io.freshet.plan.logical")))
                .isEmpty();
    }

    @Test
    void sqlBuildsPlansOnlyThroughThePlanBuilder() {
        assertThat(violations("io.freshet.sql", List.of("io.freshet.exec", "io.freshet.stream", "io.freshet.state")))
                .isEmpty();
    }

    @Test
    void stateImportsOnlyTypesDataUtilItselfAndRocksDb() {
        List<String> allowed = List.of(
                "java",
                "io.freshet.types",
                "io.freshet.data",
                "io.freshet.util",
                "io.freshet.state",
                "io.freshet.FreshetException",
                "io.freshet.ErrorCode",
                "org.rocksdb");
        List<String> found = new ArrayList<>();
        for (SourceFile source : sources()) {
            if (!source.packageName().equals("io.freshet.state")
                    && !source.packageName().startsWith("io.freshet.state.")) {
                continue;
            }
            for (String imported : source.imports()) {
                if (allowed.stream().noneMatch(a -> imported.equals(a) || imported.startsWith(a + "."))) {
                    found.add(source.path() + " imports " + imported);
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void rocksDbIsImportedOnlyByItsStateStore() {
        List<String> found = new ArrayList<>();
        for (SourceFile source : sources()) {
            if (source.packageName().equals("io.freshet.state.rocksdb")) {
                continue;
            }
            source.imports().stream()
                    .filter(i -> i.startsWith("org.rocksdb"))
                    .forEach(i -> found.add(source.path() + " imports " + i));
        }
        assertThat(found).isEmpty();
    }
}
