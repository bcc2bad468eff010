package io.freshet.stream.checkpoint;

import io.freshet.FreshetException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MetadataFileTest {
    @TempDir
    Path checkpoint;

    @Test
    void roundTripsTheMetadata() throws IOException {
        QueryMetadata metadata = new QueryMetadata(
                "7c9e6679-7425-40de-944b-e07fc1f90ae7",
                "0.1.0",
                "sha256:ab12",
                Map.of("freshet.shuffle.partitions", "8", "freshet.watermark.policy", "min"));

        MetadataFile.write(checkpoint, metadata);

        assertThat(MetadataFile.read(checkpoint)).contains(metadata);
        assertThat(Files.readString(checkpoint.resolve("metadata")))
                .isEqualTo("{\"queryId\":\"7c9e6679-7425-40de-944b-e07fc1f90ae7\",\"engineVersion\":\"0.1.0\","
                        + "\"planFingerprint\":\"sha256:ab12\",\"conf\":{\"freshet.shuffle.partitions\":\"8\","
                        + "\"freshet.watermark.policy\":\"min\"}}\n");
    }

    @Test
    void isEmptyWhenThereIsNoMetadataFile() {
        assertThat(MetadataFile.read(checkpoint)).isEmpty();
        assertThat(MetadataFile.read(checkpoint.resolve("missing"))).isEmpty();
    }

    @Test
    void reportsACorruptFileNamingIt() throws IOException {
        Files.writeString(checkpoint.resolve("metadata"), "{\"queryId\":\"q\"");

        assertThatThrownBy(() -> MetadataFile.read(checkpoint))
                .isInstanceOf(FreshetException.class)
                .hasMessageContaining("Checkpoint file " + checkpoint.resolve("metadata") + " is corrupt");
    }

    @Test
    void reportsAMissingQueryId() throws IOException {
        Files.writeString(checkpoint.resolve("metadata"), "{\"engineVersion\":\"1\",\"planFingerprint\":\"p\"}");

        assertThatThrownBy(() -> MetadataFile.read(checkpoint))
                .isInstanceOf(FreshetException.class)
                .hasMessageContaining("no 'queryId'");
    }
}
