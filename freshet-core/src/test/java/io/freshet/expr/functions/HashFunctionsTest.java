package io.freshet.expr.functions;

import io.freshet.AnalysisException;
import io.freshet.data.StringVector;
import io.freshet.expr.Expr;
import io.freshet.types.ArrayType;
import io.freshet.types.BigintType;
import io.freshet.types.BooleanType;
import io.freshet.types.DecimalType;
import io.freshet.types.DoubleType;
import io.freshet.types.IntType;
import io.freshet.types.StringType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

import static io.freshet.expr.functions.RowFunctionTesting.UTC;
import static io.freshet.expr.functions.RowFunctionTesting.bind;
import static io.freshet.expr.functions.RowFunctionTesting.evaluateColumn;
import static io.freshet.expr.functions.RowFunctionTesting.evaluateOne;
import static io.freshet.expr.functions.RowFunctionTesting.evaluateRows;
import static io.freshet.expr.functions.RowFunctionTesting.evaluateVector;
import static io.freshet.expr.functions.RowFunctionTesting.lit;
import static io.freshet.expr.functions.RowFunctionTesting.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HashFunctionsTest {
    private static final StringType STRING = StringType.STRING;
    private static final IntType INT = IntType.INT;

    private static Expr s(String value) {
        return lit(value, STRING);
    }

    @Test
    void hashMatchesSparksDocumentedValues() {
        Expr array = lit(List.of(123), new ArrayType(INT));
        assertThat(evaluateOne("hash", s("Spark"), array, lit(2, INT))).isEqualTo(-1321691492);
        assertThat(evaluateOne("hash", s("ABC"))).isEqualTo(-757602832);
        assertThat(evaluateOne("hash", s("ABC"), s("DEF"))).isEqualTo(599895104);
    }

    @Test
    void xxhash64MatchesSparksDocumentedValues() {
        Expr array = lit(List.of(123), new ArrayType(INT));
        assertThat(evaluateOne("xxhash64", s("Spark"), array, lit(2, INT))).isEqualTo(5602566077635097486L);
        assertThat(evaluateOne("xxhash64", s("ABC"))).isEqualTo(4105715581806190027L);
        assertThat(evaluateOne("xxhash64", s("ABC"), s("DEF"))).isEqualTo(3233247871021311208L);
    }

    @Test
    void xxhash64OfBytesIsTheReferenceAlgorithmIncludingLongInputs() {
        assertThat(HashXxHash64.hashBytes(new byte[0], 0, 0, 0)).isEqualTo(0xEF46DB3751D8E999L);
        byte[] text = "Nobody inspects the spammish repetition".getBytes(StandardCharsets.US_ASCII);
        assertThat(HashXxHash64.hashBytes(text, 0, text.length, 0)).isEqualTo(0xfbcea83c8a378bf1L);
    }

    @Test
    void referenceMurmur3MatchesKnownVectors() {
        assertThat(HashMurmur3.hashBytesStandard(new byte[0], 0)).isEqualTo(0);
        assertThat(HashMurmur3.hashBytesStandard("hello".getBytes(StandardCharsets.US_ASCII), 0))
                .isEqualTo(0x248bfa47);
        assertThat(HashMurmur3.hashBytesStandard(
                        "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.US_ASCII), 0))
                .isEqualTo(0x2e4ff723);
    }

    @Test
    void nullArgumentsAreSkipped() {
        assertThat(evaluateOne("hash", s(null))).isEqualTo(42);
        assertThat(evaluateOne("xxhash64", s(null))).isEqualTo(42L);
        assertThat(evaluateOne("hash", s("ABC"), s(null), s("DEF"))).isEqualTo(599895104);
        Expr arrayWithNull = lit(values(null, "ABC"), new ArrayType(STRING));
        assertThat(evaluateOne("hash", arrayWithNull)).isEqualTo(-757602832);
    }

    @Test
    void vectorizedColumnsHashLikeTheRowAtATimePath() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Object[][] rows = new Object[200][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new Object[] {
                random.nextInt(10) == 0 ? null : random.nextInt(),
                random.nextInt(10) == 0 ? null : random.nextLong(),
                random.nextInt(10) == 0 ? null : random.nextGaussian(),
                random.nextInt(10) == 0 ? null : random.nextBoolean(),
                random.nextInt(10) == 0
                        ? null
                        : Long.toString(random.nextLong(), 36).repeat(random.nextInt(4))
            };
        }
        List<io.freshet.types.DataType> types =
                List.of(INT, BigintType.BIGINT, DoubleType.DOUBLE, BooleanType.BOOLEAN, STRING);
        for (String function : List.of("hash", "xxhash64")) {
            List<Object> vectorized = evaluateRows(function, types, rows);
            HashFunctions.RowHash hash = new HashFunctions.RowHash(function, function.equals("xxhash64"));
            for (int i = 0; i < rows.length; i++) {
                long expected = HashFunctions.SEED;
                for (int c = 0; c < types.size(); c++) {
                    expected = hash.hashValue(rows[i][c], types.get(c), expected);
                }
                Object expectedValue = function.equals("hash") ? (Object) (int) expected : (Object) expected;
                assertThat(vectorized.get(i)).as("seed %s row %s", seed, i).isEqualTo(expectedValue);
            }
        }
    }

    @Test
    void dictionaryStringsHashLikeFlatOnes() {
        StringVector dictionary = StringVector.of("ABC", "DEF");
        StringVector input = StringVector.dictionary(dictionary, new int[] {1, 0, 0}, null, 3);
        assertThat(evaluateVector(UTC, "hash", input))
                .containsExactly(evaluateOne("hash", s("DEF")), -757602832, -757602832);
    }

    @Test
    void negativeZeroHashesLikeZeroAndDecimalsByUnscaledValue() {
        assertThat(evaluateColumn("hash", DoubleType.DOUBLE, values(0.0, -0.0)))
                .containsExactly(
                        evaluateOne("hash", lit(0.0, DoubleType.DOUBLE)),
                        evaluateOne("hash", lit(0.0, DoubleType.DOUBLE)));
        // A decimal(10, 2) hashes its unscaled long, like the bigint 12345.
        assertThat(evaluateOne("hash", lit(new BigDecimal("123.45"), new DecimalType(10, 2))))
                .isEqualTo(evaluateOne("hash", lit(12345L, BigintType.BIGINT)));
        assertThat(evaluateOne("hash", lit(new BigDecimal("123.45"), new DecimalType(30, 2))))
                .isNotEqualTo(evaluateOne("hash", lit(12345L, BigintType.BIGINT)));
    }

    @Test
    void digestsMatchSparksDocumentedValues() {
        assertThat(evaluateOne("md5", s("Spark"))).isEqualTo("8cde774d6f7333752ed72cacddb05126");
        assertThat(evaluateOne("sha1", s("Spark"))).isEqualTo("85f5955f4b27a9a4c2aab6ffe5d7189fc298b92c");
        assertThat(evaluateOne("sha", s("Spark"))).isEqualTo("85f5955f4b27a9a4c2aab6ffe5d7189fc298b92c");
        assertThat(evaluateOne("sha2", s("Spark"), lit(256, INT)))
                .isEqualTo("529bc3b07127ecb7e53a4dcf1991d9152c24537d919178022b2c42657f79a26b");
        assertThat(evaluateOne("sha2", s("Spark"), lit(0, INT)))
                .isEqualTo("529bc3b07127ecb7e53a4dcf1991d9152c24537d919178022b2c42657f79a26b");
        assertThat((String) evaluateOne("sha2", s("Spark"), lit(512, INT))).hasSize(128);
        assertThat(evaluateOne("sha2", s("Spark"), lit(100, INT))).isNull();
        assertThat(evaluateOne("crc32", s("Spark"))).isEqualTo(1557323817L);
        assertThat(evaluateOne("md5", s(null))).isNull();
    }

    @Test
    void hashNeedsAnArgument() {
        assertThatThrownBy(() -> bind("hash"))
                .isInstanceOf(AnalysisException.class)
                .hasMessage("hash expects at least 1 argument (expr1[, expr2, ...]), got 0");
    }
}
