package io.freshet.slt;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs every {@code .slt} file under {@code src/test/resources/slt}, one test per file. */
class SltTest {

    @TestFactory
    Stream<DynamicTest> sqlLogicTests() throws IOException, URISyntaxException {
        Path root = Path.of(SltTest.class.getResource("/slt").toURI());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".slt")).sorted().toList();
        }
        return files.stream()
                .map(file -> DynamicTest.dynamicTest(root.relativize(file).toString(), () -> {
                    List<String> failures = SltRunner.run(SltFile.parse(file));
                    assertThat(failures)
                            .as("failures in %s", file.getFileName())
                            .isEmpty();
                }));
    }
}
