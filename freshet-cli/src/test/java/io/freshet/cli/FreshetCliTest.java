package io.freshet.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FreshetCliTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return FreshetCli.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void noArgumentsIsAUsageError() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Usage: freshet");
    }

    @Test
    void unknownCommandIsAUsageError() {
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command 'frobnicate'");
    }

    @Test
    void helpGoesToStdout() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("freshet sql");
    }

    @Test
    void helpNamesTheStreamingCommands() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("freshet stream --table NAME=DIR[:csv|json]...")
                .contains("freshet run PIPELINE.sql");
    }

    @Test
    void subcommandHelpGoesToStdout() {
        assertThat(run("stream", "--help")).isZero();
        assertThat(run("run", "-h")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("Usage: freshet stream")
                .contains("Usage: freshet run");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
