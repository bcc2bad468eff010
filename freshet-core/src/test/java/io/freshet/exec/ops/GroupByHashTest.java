package io.freshet.exec.ops;

import io.freshet.data.StringVector;
import io.freshet.data.Vector;
import io.freshet.types.StringType;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GroupByHashTest {

    /**
     * A batch selected from a larger one keeps the whole dictionary; entries no row uses must not
     * become (empty) groups. Found by {@code count(DISTINCT …) GROUP BY region} over CSV printing every
     * region once per partition.
     */
    @Test
    void dictionaryEntriesWithoutRowsMakeNoGroups() {
        StringVector dictionary = StringVector.of("eu", "us", "apac");
        StringVector keys = StringVector.dictionary(dictionary, new int[] {1, 1, 0}, null, 3);
        GroupByHash hash = new GroupByHash(List.of(StringType.STRING));
        int[] groups = new int[3];

        hash.assign(new Vector[] {keys}, 3, groups);

        assertThat(hash.groupCount()).isEqualTo(2);
        assertThat(groups[0]).isEqualTo(groups[1]).isNotEqualTo(groups[2]);
        assertThat(((StringVector) hash.keys()[0]).getString(groups[2])).isEqualTo("eu");
    }

    @Test
    void nullRowsGroupTogetherWhateverTheirDictionaryId() {
        StringVector dictionary = StringVector.of("eu", "us");
        long[] nulls = new long[] {0b10};
        StringVector keys = StringVector.dictionary(dictionary, new int[] {0, 1, 0}, nulls, 3);
        GroupByHash hash = new GroupByHash(List.of(StringType.STRING));
        int[] groups = new int[3];

        hash.assign(new Vector[] {keys}, 3, groups);

        assertThat(hash.groupCount()).isEqualTo(2);
        assertThat(groups[0]).isEqualTo(groups[2]).isNotEqualTo(groups[1]);
    }

    /**
     * A string key whose rows are all null can be a dictionary vector with an empty dictionary; hashing it with
     * another key looked its rows up in the empty dictionary. Found by {@code GROUP BY window(ts, …), region} over a
     * CSV file whose region column is empty.
     */
    @Test
    void allNullDictionaryKeysGroupWithAnotherKey() {
        StringVector empty = StringVector.dictionary(StringVector.of(), new int[] {0, 0, 0}, new long[] {0b111}, 3);
        Vector other = StringVector.of("a", "b", "a");
        GroupByHash hash = new GroupByHash(List.of(StringType.STRING, StringType.STRING));
        int[] groups = new int[3];

        hash.assign(new Vector[] {other, empty}, 3, groups);

        assertThat(hash.groupCount()).isEqualTo(2);
        assertThat(groups[0]).isEqualTo(groups[2]).isNotEqualTo(groups[1]);
        assertThat(hash.keys()[1].isNull(groups[0])).isTrue();
    }
}
