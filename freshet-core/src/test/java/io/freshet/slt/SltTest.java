package io.freshet.slt;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every {@code .slt} file under {@code src/test/resources/slt}, one test per file.
 *
 * <p>{@code slt/known_failures.txt} lists records ({@code dir/file.slt:line  reason}) that Freshet does not
 * pass yet, each with its reason. They are expected to fail: a listed record that passes fails the test
 * too, so the list can only shrink and never hides a regression elsewhere.
 */
class SltTest {

    @TestFactory
    Stream<DynamicTest> sqlLogicTests() throws IOException, URISyntaxException {
        Path root = Path.of(SltTest.class.getResource("/slt").toURI());
        Set<String> known = knownFailures(root);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".slt")).sorted().toList();
        }
        return files.stream()
                .map(file -> DynamicTest.dynamicTest(root.relativize(file).toString(), () -> {
                    String name = root.relativize(file).toString();
                    SltFile slt = SltFile.parse(file);
                    List<String> unexpected = new ArrayList<>();
                    Set<String> failedKeys = new TreeSet<>();
                    for (String failure : SltRunner.run(slt)) {
                        String key = name + ":"
                                + failure.substring(
                                        failure.indexOf(':') + 1, failure.indexOf(':', failure.indexOf(':') + 1));
                        failedKeys.add(key);
                        if (!known.contains(key)) {
                            unexpected.add(failure);
                        }
                    }
                    List<String> fixed = known.stream()
                            .filter(k -> k.startsWith(name + ":") && !failedKeys.contains(k))
                            .map(k -> k + " passes now: remove it from slt/known_failures.txt")
                            .toList();
                    assertThat(unexpected).as("failures in %s", name).isEmpty();
                    assertThat(fixed).as("known failures of %s that pass", name).isEmpty();
                }));
    }

    private static Set<String> knownFailures(Path root) throws IOException {
        Path list = root.resolve("known_failures.txt");
        Set<String> keys = new TreeSet<>();
        if (Files.exists(list)) {
            for (String line : Files.readAllLines(list)) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    keys.add(trimmed.split("\\s+")[0]);
                }
            }
        }
        return keys;
    }
}
