package io.freshet.expr.aggregate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeySetTest {

    @Test
    void longKeySetSeparatesGroupsAndWalksEachGroup() {
        LongKeySet set = new LongKeySet();
        set.ensureGroups(3);
        assertThat(set.add(0, 42L)).isTrue();
        assertThat(set.add(1, 42L)).isTrue();
        assertThat(set.add(0, 42L)).isFalse();
        assertThat(set.add(2, 0L)).isTrue();
        assertThat(set.addAll(new int[] {0, 0, 2}, new long[] {42L, -1L, 0L}, 3))
                .isEqualTo(1);
        assertThat(keysOf(set, 0)).containsExactlyInAnyOrder(42L, -1L);
        assertThat(keysOf(set, 1)).containsExactly(42L);
        assertThat(keysOf(set, 2)).containsExactly(0L);
    }

    @Test
    void longKeySetSurvivesGrowthAndGroupClearing() {
        long seed = AggregateHarness.seed();
        Random random = new Random(seed);
        LongKeySet set = new LongKeySet();
        int groupCount = 50;
        set.ensureGroups(groupCount);
        List<Set<Long>> expected = new ArrayList<>();
        for (int g = 0; g < groupCount; g++) {
            expected.add(new HashSet<>());
        }
        for (int round = 0; round < 20; round++) {
            int rows = 5000;
            int[] groups = new int[rows];
            long[] keys = new long[rows];
            int newKeys = 0;
            for (int i = 0; i < rows; i++) {
                groups[i] = random.nextInt(groupCount);
                keys[i] = random.nextInt(3000) * 0x10000_0000L;
            }
            for (int i = 0; i < rows; i++) {
                if (expected.get(groups[i]).add(keys[i])) {
                    newKeys++;
                }
            }
            assertThat(set.addAll(groups, keys, rows)).as("seed %s", seed).isEqualTo(newKeys);
            int cleared = random.nextInt(groupCount);
            set.clearGroup(cleared);
            expected.get(cleared).clear();
        }
        for (int g = 0; g < groupCount; g++) {
            assertThat(set.size(g)).isEqualTo(expected.get(g).size());
            assertThat(keysOf(set, g)).containsExactlyInAnyOrderElementsOf(expected.get(g));
        }
    }

    private static List<Long> keysOf(LongKeySet set, int group) {
        List<Long> keys = new ArrayList<>();
        for (int s = set.firstOf(group); s != 0; s = set.nextOf(s - 1)) {
            keys.add(set.keyAt(s - 1));
        }
        return keys;
    }

    @Test
    void bytesKeySetComparesBytesNotHashes() {
        BytesKeySet set = new BytesKeySet();
        set.ensureGroups(2);
        byte[] a = "alpha".getBytes(StandardCharsets.UTF_8);
        byte[] b = "beta".getBytes(StandardCharsets.UTF_8);
        // The same (deliberately colliding) hash for different keys must still keep both.
        assertThat(set.add(0, a, 0, a.length, 7L)).isTrue();
        assertThat(set.add(0, b, 0, b.length, 7L)).isTrue();
        assertThat(set.add(0, a, 0, a.length, 7L)).isFalse();
        assertThat(set.add(1, a, 0, a.length, 7L)).isTrue();
        assertThat(set.size(0)).isEqualTo(2);
        set.clearGroup(0);
        assertThat(set.size(0)).isZero();
        assertThat(set.add(0, b, 0, b.length, 7L)).isTrue();
        assertThat(set.add(1, a, 0, a.length, 7L)).isFalse();
    }

    @Test
    void bytesKeySetGrowsWithManyKeys() {
        BytesKeySet set = new BytesKeySet();
        set.ensureGroups(1);
        for (int i = 0; i < 100_000; i++) {
            byte[] key = ("key" + i).getBytes(StandardCharsets.UTF_8);
            assertThat(set.add(0, key, 0, key.length, io.freshet.data.Hashing.hashBytes(key, 0, key.length)))
                    .isTrue();
        }
        byte[] again = "key99999".getBytes(StandardCharsets.UTF_8);
        assertThat(set.add(0, again, 0, again.length, io.freshet.data.Hashing.hashBytes(again, 0, again.length)))
                .isFalse();
        assertThat(set.size(0)).isEqualTo(100_000);
    }
}
