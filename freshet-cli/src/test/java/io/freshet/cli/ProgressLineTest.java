package io.freshet.cli;

import io.freshet.ProgressListener;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressLineTest {

    @Test
    void showsProgressOfALongQueryAndErasesIt() throws InterruptedException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ProgressLine line = new ProgressLine(new PrintStream(err, true, StandardCharsets.UTF_8));

        line.queryStarted(() -> new ProgressListener.Progress(3, 10, 5L << 20, 123_456));
        Thread.sleep(1_400);
        line.queryFinished();

        String text = err.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("[files 3/10] 5.0 MB read, 123,456 rows");
        assertThat(text).endsWith("\r");
    }

    @Test
    void staysQuietForAShortQuery() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ProgressLine line = new ProgressLine(new PrintStream(err, true, StandardCharsets.UTF_8));

        line.queryStarted(() -> new ProgressListener.Progress(0, 1, 0, 0));
        line.queryFinished();

        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void formatsByteCounts() {
        assertThat(ProgressLine.bytes(512)).isEqualTo("512 B");
        assertThat(ProgressLine.bytes(1536)).isEqualTo("1.5 KB");
        assertThat(ProgressLine.bytes(3L << 30)).isEqualTo("3.0 GB");
    }
}
