package io.freshet.exec.ops;

import java.util.Random;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SessionAssignerTest {

    @Test
    void joinsAnItemThatStartsExactlyAtTheSessionEnd() {
        SessionAssigner.Sessions sessions =
                SessionAssigner.assign(new int[] {0, 0, 0}, new long[] {0, 5, 11}, new long[] {5, 10, 16}, 3);

        assertThat(sessions.count()).isEqualTo(2);
        assertThat(sessions.sessionOf()).containsExactly(0, 0, 1);
        assertThat(sessions.starts()[0]).isZero();
        assertThat(sessions.ends()[0]).isEqualTo(10);
        assertThat(sessions.starts()[1]).isEqualTo(11);
    }

    @Test
    void keepsTheLargestEndWhenALaterItemEndsEarlier() {
        SessionAssigner.Sessions sessions =
                SessionAssigner.assign(new int[] {0, 0, 0}, new long[] {0, 10, 20}, new long[] {30, 11, 21}, 3);

        assertThat(sessions.count()).isEqualTo(1);
        assertThat(sessions.ends()[0]).isEqualTo(30);
    }

    @Test
    void keepsGroupsApartAndOrdersSessionsByGroupThenStart() {
        SessionAssigner.Sessions sessions =
                SessionAssigner.assign(new int[] {1, 0, 1, 0}, new long[] {0, 3, 1, 50}, new long[] {5, 8, 6, 55}, 4);

        assertThat(sessions.count()).isEqualTo(3);
        assertThat(sessions.groups()).startsWith(0, 0, 1);
        assertThat(sessions.sessionOf()).containsExactly(2, 0, 2, 1);
    }

    @Test
    void assignsNothingWithoutItems() {
        assertThat(SessionAssigner.assign(new int[0], new long[0], new long[0], 0)
                        .count())
                .isZero();
    }

    /** Sessions are the connected parts of the items whose closed ranges [start, end] touch or overlap. */
    @Test
    void sessionsAreTheConnectedRangesOfEachGroup() {
        long seed = new Random().nextLong();
        System.out.println("SessionAssignerTest seed " + seed);
        Random random = new Random(seed);
        for (int round = 0; round < 200; round++) {
            int count = random.nextInt(60);
            int[] groups = new int[count];
            long[] starts = new long[count];
            long[] ends = new long[count];
            for (int i = 0; i < count; i++) {
                groups[i] = random.nextInt(3);
                starts[i] = random.nextInt(200);
                ends[i] = starts[i] + 1 + random.nextInt(random.nextBoolean() ? 5 : 30);
            }
            SessionAssigner.Sessions sessions = SessionAssigner.assign(groups, starts, ends, count);

            int[] component = connectedComponents(groups, starts, ends, count);
            for (int a = 0; a < count; a++) {
                for (int b = 0; b < count; b++) {
                    assertThat(sessions.sessionOf()[a] == sessions.sessionOf()[b])
                            .as("seed %s: items %s and %s", seed, a, b)
                            .isEqualTo(component[a] == component[b]);
                }
                int session = sessions.sessionOf()[a];
                assertThat(sessions.groups()[session]).isEqualTo(groups[a]);
                assertThat(sessions.starts()[session]).isLessThanOrEqualTo(starts[a]);
                assertThat(sessions.ends()[session]).isGreaterThanOrEqualTo(ends[a]);
            }
            for (int s = 0; s < sessions.count(); s++) {
                boolean startSeen = false;
                boolean endSeen = false;
                for (int i = 0; i < count; i++) {
                    if (sessions.sessionOf()[i] == s) {
                        startSeen |= starts[i] == sessions.starts()[s];
                        endSeen |= ends[i] == sessions.ends()[s];
                    }
                }
                assertThat(startSeen && endSeen)
                        .as("seed %s: session %s", seed, s)
                        .isTrue();
            }
        }
    }

    private static int[] connectedComponents(int[] groups, long[] starts, long[] ends, int count) {
        int[] parent = new int[count];
        for (int i = 0; i < count; i++) {
            parent[i] = i;
        }
        for (int a = 0; a < count; a++) {
            for (int b = a + 1; b < count; b++) {
                if (groups[a] == groups[b] && starts[a] <= ends[b] && starts[b] <= ends[a]) {
                    parent[find(parent, a)] = find(parent, b);
                }
            }
        }
        int[] component = new int[count];
        for (int i = 0; i < count; i++) {
            component[i] = find(parent, i);
        }
        return component;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            i = parent[i];
        }
        return i;
    }
}
