package io.freshet.data;

import io.freshet.types.BigintType;
import io.freshet.types.DataType;
import io.freshet.types.DoubleType;
import io.freshet.types.IntType;
import io.freshet.types.StringType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VectorTest {

    @Test
    void builderKeepsValuesAndNulls() {
        VectorBuilder builder = VectorBuilder.forType(BigintType.BIGINT, 2);
        builder.appendLong(7);
        builder.appendNull();
        builder.append(9L);
        Vector vector = builder.build();

        assertThat(vector.size()).isEqualTo(3);
        assertThat(vector.isNull(1)).isTrue();
        assertThat(vector.mayHaveNulls()).isTrue();
        assertThat(Arrays.asList(vector.get(0), vector.get(1), vector.get(2))).containsExactly(7L, null, 9L);
    }

    @Test
    void vectorWithoutNullsTakesTheFastPath() {
        Vector vector = Vectors.of(IntType.INT, List.of(1, 2, 3));

        assertThat(vector.mayHaveNulls()).isFalse();
        assertThat(vector.nulls()).isNull();
    }

    @Test
    void dictionaryStringsReadLikeFlatOnes() {
        StringVector dictionary = StringVector.of("eu", "us", "apac");
        StringVector encoded = StringVector.dictionary(dictionary, new int[] {2, 0, 0, 1}, null, 4);

        assertThat(encoded.isDictionary()).isTrue();
        assertThat(List.of(encoded.getString(0), encoded.getString(1), encoded.getString(3)))
                .containsExactly("apac", "eu", "us");
        assertThat(encoded.flatten().getString(0)).isEqualTo("apac");
        assertThat(encoded.hash(1)).isEqualTo(StringVector.of("eu").hash(0));
        assertThat(encoded.valueEquals(1, StringVector.of("eu"), 0)).isTrue();
    }

    @Test
    void stringsCompareByCodePoint() {
        StringVector strings = StringVector.of("a", "b", "é", "");

        assertThat(strings.compareValues(0, strings, 1)).isNegative();
        assertThat(strings.compareValues(2, strings, 1)).isPositive();
        assertThat(strings.compareValues(3, strings, 0)).isNegative();
        assertThat(strings.byteLength(2)).isEqualTo(2);
    }

    @Test
    void selectAndSliceMatchARowAtATimeCopyForRandomVectors() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        for (DataType type : List.of(BigintType.BIGINT, IntType.INT, DoubleType.DOUBLE, StringType.STRING)) {
            for (int round = 0; round < 50; round++) {
                int size = random.nextInt(200);
                List<Object> values = new ArrayList<>();
                for (int i = 0; i < size; i++) {
                    values.add(random.nextInt(5) == 0 ? null : randomValue(type, random));
                }
                Vector vector = Vectors.of(type, values);
                int count = random.nextInt(size + 1);
                int[] positions = new int[count];
                List<Object> expected = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    positions[i] = random.nextInt(Math.max(size, 1));
                    expected.add(size == 0 ? null : values.get(positions[i]));
                }
                if (size == 0) {
                    continue;
                }
                Vector selected = vector.select(positions, count);
                List<Object> actual = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    actual.add(selected.get(i));
                }
                assertThat(actual).as("select of %s, seed %s", type, seed).isEqualTo(expected);

                int offset = random.nextInt(size);
                int length = random.nextInt(size - offset + 1);
                Vector slice = vector.slice(offset, length);
                for (int i = 0; i < length; i++) {
                    assertThat(slice.get(i))
                            .as("slice of %s, seed %s", type, seed)
                            .isEqualTo(values.get(offset + i));
                }
            }
        }
    }

    private static Object randomValue(DataType type, Random random) {
        return switch (type) {
            case BigintType t -> random.nextLong();
            case IntType t -> random.nextInt();
            case DoubleType t -> random.nextDouble();
            case StringType t -> "s" + random.nextInt(1000) + (random.nextBoolean() ? "ü" : "");
            default -> throw new IllegalArgumentException(type.toString());
        };
    }

    @Test
    void batchSelectKeepsColumnsAligned() {
        Batch batch = Batch.of(Vectors.of(IntType.INT, List.of(1, 2, 3)), StringVector.of("a", "b", "c"));

        Batch selected = batch.select(new int[] {2, 0}, 2);

        assertThat(selected.rowCount()).isEqualTo(2);
        assertThat(selected.row(0)).containsExactly(3, "c");
        assertThat(selected.row(1)).containsExactly(1, "a");
    }
}
