package io.freshet.stream.exec;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The state value of one key of a streaming session aggregation: its open sessions in start order, each
 * its start and end (microseconds) and its accumulators' states.
 *
 * <p>Layout: {@code count}, then per session {@code start end stateLength state}.
 */
final class StoredSessions {
    private StoredSessions() {}

    /** One open session; {@code states} holds the accumulators' states one after another. */
    record Session(long start, long end, byte[] states) {
        Session {
            requireNonNull(states, "states is null");
        }
    }

    static byte[] encode(List<Session> sessions) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 + 32 * sessions.size());
        DataOutputStream out = new DataOutputStream(bytes);
        try {
            out.writeInt(sessions.size());
            for (Session session : sessions) {
                out.writeLong(session.start());
                out.writeLong(session.end());
                out.writeInt(session.states().length);
                out.write(session.states());
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static List<Session> decode(byte[] value) {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(value));
        try {
            int count = in.readInt();
            List<Session> sessions = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                long start = in.readLong();
                long end = in.readLong();
                byte[] states = new byte[in.readInt()];
                in.readFully(states);
                sessions.add(new Session(start, end, states));
            }
            return sessions;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
