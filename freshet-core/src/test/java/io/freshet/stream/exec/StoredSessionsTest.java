package io.freshet.stream.exec;

import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StoredSessionsTest {

    @Test
    void decodesWhatItEncodes() {
        List<StoredSessions.Session> sessions = List.of(
                new StoredSessions.Session(-5, 10, new byte[] {1, 2, 3}),
                new StoredSessions.Session(20, Long.MAX_VALUE, new byte[0]));

        List<StoredSessions.Session> decoded = StoredSessions.decode(StoredSessions.encode(sessions));

        assertThat(decoded).hasSize(2);
        assertThat(decoded.get(0).start()).isEqualTo(-5);
        assertThat(decoded.get(0).end()).isEqualTo(10);
        assertThat(decoded.get(0).states()).containsExactly(1, 2, 3);
        assertThat(decoded.get(1).end()).isEqualTo(Long.MAX_VALUE);
        assertThat(decoded.get(1).states()).isEmpty();
    }

    @Test
    void encodesNoSessions() {
        assertThat(StoredSessions.decode(StoredSessions.encode(List.of()))).isEmpty();
    }
}
