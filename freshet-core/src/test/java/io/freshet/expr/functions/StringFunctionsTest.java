package io.freshet.expr.functions;

import io.freshet.AnalysisException;
import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import io.freshet.data.Batch;
import io.freshet.data.StringVector;
import io.freshet.data.Vector;
import io.freshet.expr.Call;
import io.freshet.expr.Evaluator;
import io.freshet.expr.Expr;
import io.freshet.types.ArrayType;
import io.freshet.types.BigintType;
import io.freshet.types.IntType;
import io.freshet.types.NullType;
import io.freshet.types.StringType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

import static io.freshet.expr.functions.RowFunctionTesting.UTC;
import static io.freshet.expr.functions.RowFunctionTesting.bind;
import static io.freshet.expr.functions.RowFunctionTesting.col;
import static io.freshet.expr.functions.RowFunctionTesting.evaluateColumn;
import static io.freshet.expr.functions.RowFunctionTesting.evaluateOne;
import static io.freshet.expr.functions.RowFunctionTesting.evaluateRows;
import static io.freshet.expr.functions.RowFunctionTesting.evaluateVector;
import static io.freshet.expr.functions.RowFunctionTesting.lit;
import static io.freshet.expr.functions.RowFunctionTesting.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StringFunctionsTest {
    private static final StringType STRING = StringType.STRING;
    private static final IntType INT = IntType.INT;

    private static Expr s(String value) {
        return lit(value, STRING);
    }

    private static Expr i(Integer value) {
        return lit(value, INT);
    }

    @Test
    void upperAndLowerHandleAsciiMultiByteAndNulls() {
        assertThat(evaluateColumn("upper", STRING, values("abc", null, "", "straße", "ÿ1z")))
                .containsExactly("ABC", null, "", "STRASSE", "Ÿ1Z");
        assertThat(evaluateColumn("lcase", STRING, values("ABC", null, "ÀÉ", "MiXeD 9")))
                .containsExactly("abc", null, "àé", "mixed 9");
        assertThat(evaluateColumn("ucase", STRING, values("all ascii", "x"))).containsExactly("ALL ASCII", "X");
    }

    @Test
    void lengthCountsCharactersAndOctetLengthCountsBytes() {
        List<Object> input = values("abc", null, "", "日本語", "😀a");
        assertThat(evaluateColumn("length", STRING, input)).containsExactly(3, null, 0, 3, 2);
        assertThat(evaluateColumn("char_length", STRING, input)).containsExactly(3, null, 0, 3, 2);
        assertThat(evaluateColumn("character_length", STRING, input)).containsExactly(3, null, 0, 3, 2);
        assertThat(evaluateColumn("octet_length", STRING, input)).containsExactly(3, null, 0, 9, 5);
        assertThat(evaluateColumn("bit_length", STRING, input)).containsExactly(24, null, 0, 72, 40);
    }

    @Test
    void substringFollowsSparkPositions() {
        List<Object> input = values("Spark SQL", null, "", "日本語テキスト");
        assertThat(evaluateColumn("substring", STRING, input, i(5))).containsExactly("k SQL", null, "", "キスト");
        assertThat(evaluateColumn("substr", STRING, input, i(-3))).containsExactly("SQL", null, "", "キスト");
        assertThat(evaluateColumn("substring", STRING, input, i(5), i(1))).containsExactly("k", null, "", "キ");
        assertThat(evaluateColumn("substring", STRING, input, i(0), i(2))).containsExactly("Sp", null, "", "日本");
        assertThat(evaluateColumn("substring", STRING, input, i(-20), i(13))).containsExactly("Sp", null, "", "");
        assertThat(evaluateColumn("substring", STRING, input, i(3), i(-1))).containsExactly("", null, "", "");
        assertThat(evaluateColumn("substring", STRING, input, i(100))).containsExactly("", null, "", "");
        assertThat(evaluateColumn("substring", STRING, input, i(2), i(Integer.MAX_VALUE)))
                .containsExactly("park SQL", null, "", "本語テキスト");
        assertThat(evaluateColumn("substring", STRING, values("abc"), i(null))).containsExactly((Object) null);
    }

    @Test
    void substringTakesPositionsFromColumns() {
        assertThat(evaluateRows(
                        "substring",
                        List.of(STRING, INT, INT),
                        new Object[] {"hello", 2, 3},
                        new Object[] {"hello", -2, 5},
                        new Object[] {"hello", null, 1},
                        new Object[] {"héllo", 2, 1}))
                .containsExactly("ell", "lo", null, "é");
    }

    @Test
    void leftAndRightTakeCharactersFromEachEnd() {
        List<Object> input = values("Spark SQL", null, "ab");
        assertThat(evaluateColumn("left", STRING, input, i(3))).containsExactly("Spa", null, "ab");
        assertThat(evaluateColumn("right", STRING, input, i(3))).containsExactly("SQL", null, "ab");
        assertThat(evaluateColumn("left", STRING, input, i(0))).containsExactly("", null, "");
        assertThat(evaluateColumn("right", STRING, input, i(-1))).containsExactly("", null, "");
        assertThat(evaluateColumn("right", STRING, values("日本語"), i(2))).containsExactly("本語");
    }

    @Test
    void concatIsNullWhenAnyArgumentIsNullAndConcatWsSkipsNulls() {
        assertThat(evaluateOne("concat", s("Spark"), s("SQL"))).isEqualTo("SparkSQL");
        assertThat(evaluateOne("concat", s("Spark"), s(null))).isNull();
        assertThat(evaluateOne("concat")).isEqualTo("");
        assertThat(evaluateOne("concat", s("a"), lit(null, NullType.NULL))).isNull();
        assertThat(evaluateOne("concat_ws", s(" "), s("Spark"), s(null), s("SQL")))
                .isEqualTo("Spark SQL");
        assertThat(evaluateOne("concat_ws", s(null), s("a"))).isNull();
        assertThat(evaluateOne("concat_ws", s(","))).isEqualTo("");
        assertThat(evaluateOne("concat_ws", s("/"), lit(values("a", null, "b"), new ArrayType(STRING)), s("c")))
                .isEqualTo("a/b/c");
    }

    @Test
    void concatJoinsArrays() {
        ArrayType ints = new ArrayType(INT);
        assertThat(evaluateOne("concat", lit(List.of(1, 2), ints), lit(List.of(3), ints)))
                .isEqualTo(List.of(1, 2, 3));
    }

    @Test
    void trimRemovesSpacesOrTheGivenCharacters() {
        List<Object> input = values("  a b  ", null, "", "\ta ", "xxyhixy");
        assertThat(evaluateColumn("trim", STRING, input)).containsExactly("a b", null, "", "\ta", "xxyhixy");
        assertThat(evaluateColumn("ltrim", STRING, input)).containsExactly("a b  ", null, "", "\ta ", "xxyhixy");
        assertThat(evaluateColumn("rtrim", STRING, input)).containsExactly("  a b", null, "", "\ta", "xxyhixy");
        assertThat(evaluateColumn("trim", STRING, input, s("xy"))).containsExactly("  a b  ", null, "", "\ta ", "hi");
        assertThat(evaluateColumn("ltrim", STRING, input, s("xy")))
                .containsExactly("  a b  ", null, "", "\ta ", "hixy");
        assertThat(evaluateColumn("rtrim", STRING, input, s("xy")))
                .containsExactly("  a b  ", null, "", "\ta ", "xxyhi");
        assertThat(evaluateOne("btrim", s("ééaé"), s("é"))).isEqualTo("a");
    }

    @Test
    void padsAndTruncatesToTheLength() {
        assertThat(evaluateOne("lpad", s("hi"), i(5), s("??"))).isEqualTo("???hi");
        assertThat(evaluateOne("lpad", s("hi"), i(1), s("??"))).isEqualTo("h");
        assertThat(evaluateOne("lpad", s("hi"), i(5))).isEqualTo("   hi");
        assertThat(evaluateOne("rpad", s("hi"), i(5), s("ab"))).isEqualTo("hiaba");
        assertThat(evaluateOne("rpad", s("hi"), i(5), s(""))).isEqualTo("hi");
        assertThat(evaluateOne("rpad", s("hi"), i(-1), s("x"))).isEqualTo("");
        assertThat(evaluateOne("lpad", s("日本"), i(3), s("語"))).isEqualTo("語日本");
        assertThat(evaluateOne("lpad", s(null), i(3), s("x"))).isNull();
    }

    @Test
    void replaceSubstitutesEveryOccurrence() {
        assertThat(evaluateOne("replace", s("ABCabc"), s("abc"), s("DEF"))).isEqualTo("ABCDEF");
        assertThat(evaluateOne("replace", s("aaa"), s("a"))).isEqualTo("");
        assertThat(evaluateOne("replace", s("abc"), s(""), s("x"))).isEqualTo("abc");
        assertThat(evaluateOne("replace", s("abc"), s(null), s("x"))).isNull();
    }

    @Test
    void splitUsesRegexAndLimit() {
        assertThat(evaluateOne("split", s("oneAtwoBthreeC"), s("[ABC]"))).isEqualTo(List.of("one", "two", "three", ""));
        assertThat(evaluateOne("split", s("oneAtwoBthreeC"), s("[ABC]"), i(2))).isEqualTo(List.of("one", "twoBthreeC"));
        assertThat(evaluateOne("split", s("oneAtwoBthreeC"), s("[ABC]"), i(0)))
                .isEqualTo(List.of("one", "two", "three", ""));
        assertThat(evaluateOne("split", s("abc"), s(""))).isEqualTo(List.of("a", "b", "c"));
        assertThat(evaluateOne("split", s("abc"), s(""), i(2))).isEqualTo(List.of("a", "bc"));
        assertThat(evaluateOne("split", s(""), s(","))).isEqualTo(List.of(""));
        assertThat(evaluateOne("split", s(null), s(","))).isNull();
        assertThat(bind("split", col(0, STRING), s(",")).type()).isEqualTo(new ArrayType(STRING));
    }

    @Test
    void splitPartCountsFromEitherEnd() {
        assertThat(evaluateOne("split_part", s("11.12.13"), s("."), i(3))).isEqualTo("13");
        assertThat(evaluateOne("split_part", s("11.12.13"), s("."), i(-1))).isEqualTo("13");
        assertThat(evaluateOne("split_part", s("11.12.13"), s("."), i(4))).isEqualTo("");
        assertThat(evaluateOne("split_part", s("11.12.13"), s(""), i(1))).isEqualTo("11.12.13");
        assertThatThrownBy(() -> evaluateOne("split_part", s("a"), s("."), i(0)))
                .isInstanceOf(FreshetException.class)
                .hasMessageContaining("part number 0");
    }

    @Test
    void instrAndLocateAreOneBasedCharacterPositions() {
        assertThat(evaluateOne("instr", s("SparkSQL"), s("SQL"))).isEqualTo(6);
        assertThat(evaluateOne("instr", s("日本語"), s("語"))).isEqualTo(3);
        assertThat(evaluateOne("instr", s("abc"), s("x"))).isEqualTo(0);
        assertThat(evaluateOne("instr", s("abc"), s(""))).isEqualTo(1);
        assertThat(evaluateOne("locate", s("bar"), s("foobarbar"))).isEqualTo(4);
        assertThat(evaluateOne("locate", s("bar"), s("foobarbar"), i(5))).isEqualTo(7);
        assertThat(evaluateOne("position", s("bar"), s("foobarbar"), i(0))).isEqualTo(0);
        assertThat(evaluateOne("locate", s("bar"), s("foobarbar"), i(null))).isEqualTo(0);
        assertThat(evaluateOne("locate", s(null), s("foobarbar"))).isNull();
        assertThat(evaluateOne("locate", s("語"), s("日本語日本語"), i(4))).isEqualTo(6);
    }

    @Test
    void regexpExtractReturnsTheGroupOrEmpty() {
        assertThat(evaluateOne("regexp_extract", s("100-200"), s("(\\d+)-(\\d+)"), i(1)))
                .isEqualTo("100");
        assertThat(evaluateOne("regexp_extract", s("100-200"), s("(\\d+)-(\\d+)")))
                .isEqualTo("100");
        assertThat(evaluateOne("regexp_extract", s("100-200"), s("(\\d+)-(\\d+)"), i(0)))
                .isEqualTo("100-200");
        assertThat(evaluateOne("regexp_extract", s("foo"), s("(\\d+)"), i(1))).isEqualTo("");
        assertThat(evaluateOne("regexp_extract", s("a"), s("(a)|(b)"), i(2))).isEqualTo("");
        assertThatThrownBy(() -> evaluateOne("regexp_extract", s("1-2"), s("(\\d)-(\\d)"), i(3)))
                .isInstanceOf(FreshetException.class)
                .hasMessageContaining("group index between 0 and 2");
        assertThat(evaluateOne("regexp_extract_all", s("100-200, 300-400"), s("(\\d+)-(\\d+)"), i(2)))
                .isEqualTo(List.of("200", "400"));
    }

    @Test
    void regexpReplaceSupportsGroupReferencesAndPosition() {
        assertThat(evaluateOne("regexp_replace", s("100-200"), s("(\\d+)"), s("num")))
                .isEqualTo("num-num");
        assertThat(evaluateOne("regexp_replace", s("100-200"), s("(\\d+)-(\\d+)"), s("$2-$1")))
                .isEqualTo("200-100");
        assertThat(evaluateOne("regexp_replace", s("aaa"), s("a"), s("b"), i(2)))
                .isEqualTo("abb");
        assertThat(evaluateOne("regexp_replace", s("aaa"), s("a"), s("b"), i(9)))
                .isEqualTo("aaa");
        assertThatThrownBy(() -> bind("regexp_replace", s("a"), s("a"), s("b"), i(0)))
                .isInstanceOf(AnalysisException.class);
    }

    @Test
    void invalidRegexLiteralIsRejectedWhenBound() {
        assertThatThrownBy(() -> bind("rlike", col(0, STRING), s("(unclosed")))
                .isInstanceOf(FreshetException.class)
                .hasMessageContaining("(unclosed")
                .hasMessageContaining("rlike");
    }

    @Test
    void rlikeMatchesAnywhere() {
        List<Object> input = values("%SystemDrive%\\Users\\John", null, "abc");
        assertThat(evaluateColumn("rlike", STRING, input, s("%SystemDrive%\\\\Users.*")))
                .containsExactly(true, null, false);
        assertThat(evaluateColumn("regexp", STRING, input, s("b"))).containsExactly(false, null, true);
        assertThat(evaluateColumn("regexp_like", STRING, input, s("^a"))).containsExactly(false, null, true);
    }

    @Test
    void regexFromAColumnIsCompiledPerValue() {
        assertThat(evaluateRows(
                        "rlike",
                        List.of(STRING, STRING),
                        new Object[] {"abc", "b+"},
                        new Object[] {"abc", "b+"},
                        new Object[] {"abc", "^c"},
                        new Object[] {"abc", null}))
                .containsExactly(true, true, false, null);
    }

    @Test
    void likeMatchesPercentAndUnderscoreOnWholeValue() {
        List<Object> input = values("Spark", null, "", "spark", "Sp", "日本語", "a\nb", "abcabc");
        assertThat(evaluateColumn("like", STRING, input, s("Spark")))
                .containsExactly(true, null, false, false, false, false, false, false);
        assertThat(evaluateColumn("like", STRING, input, s("Sp%")))
                .containsExactly(true, null, false, false, true, false, false, false);
        assertThat(evaluateColumn("like", STRING, input, s("%rk")))
                .containsExactly(true, null, false, true, false, false, false, false);
        assertThat(evaluateColumn("like", STRING, input, s("%ar%")))
                .containsExactly(true, null, false, true, false, false, false, false);
        assertThat(evaluateColumn("like", STRING, input, s("%")))
                .containsExactly(true, null, true, true, true, true, true, true);
        assertThat(evaluateColumn("like", STRING, input, s("_本_")))
                .containsExactly(false, null, false, false, false, true, false, false);
        assertThat(evaluateColumn("like", STRING, input, s("a_b")))
                .containsExactly(false, null, false, false, false, false, true, false);
        assertThat(evaluateColumn("like", STRING, input, s("a%c%c")))
                .containsExactly(false, null, false, false, false, false, false, true);
        assertThat(evaluateColumn("like", STRING, input, s("ab%bc")))
                .containsExactly(false, null, false, false, false, false, false, true);
        assertThat(evaluateColumn("like", STRING, input, s("abc%abc")))
                .containsExactly(false, null, false, false, false, false, false, true);
        assertThat(evaluateColumn("like", STRING, input, s("abca%bc")))
                .containsExactly(false, null, false, false, false, false, false, true);
        assertThat(evaluateColumn("like", STRING, input, s("abcab%bc")))
                .containsExactly(false, null, false, false, false, false, false, false);
        assertThat(evaluateColumn("like", STRING, input, s("")))
                .containsExactly(false, null, true, false, false, false, false, false);
        assertThat(evaluateColumn("like", STRING, input, s(null)))
                .containsExactly(null, null, null, null, null, null, null, null);
    }

    @Test
    void likeHonoursEscapes() {
        List<Object> input = values("100%", "100", "a_b", "axb", "a\\b");
        assertThat(evaluateColumn("like", STRING, input, s("100\\%")))
                .containsExactly(true, false, false, false, false);
        assertThat(evaluateColumn("like", STRING, input, s("a\\_b"))).containsExactly(false, false, true, false, false);
        assertThat(evaluateColumn("like", STRING, input, s("a\\\\b")))
                .containsExactly(false, false, false, false, true);
        assertThat(evaluateColumn("like", STRING, input, s("a/_b"), s("/")))
                .containsExactly(false, false, true, false, false);
        assertThatThrownBy(() -> bind("like", col(0, STRING), s("a\\")))
                .isInstanceOf(FreshetException.class)
                .hasMessageContaining("at the end");
        assertThatThrownBy(() -> bind("like", col(0, STRING), s("\\a")))
                .isInstanceOf(FreshetException.class)
                .hasMessageContaining("precede 'a'");
    }

    @Test
    void ilikeIgnoresCase() {
        assertThat(evaluateColumn("ilike", STRING, values("Spark", "SPARK", "Ärger", null), s("%PAR%")))
                .containsExactly(true, true, false, null);
        assertThat(evaluateColumn("ilike", STRING, values("Ärger"), s("är%"))).containsExactly(true);
    }

    @Test
    void likeMatchesRandomValuesLikeTheRegexTranslation() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        String alphabet = "ab%_é";
        for (int round = 0; round < 300; round++) {
            String pattern = randomText(random, alphabet, 5);
            List<Object> input = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                input.add(randomText(random, "abé", 6));
            }
            String regex = "(?s)" + pattern.replace("%", ".*").replace("_", ".");
            List<Object> expected = new ArrayList<>();
            for (Object value : input) {
                expected.add(((String) value).matches(regex));
            }
            assertThat(evaluateColumn("like", STRING, input, s(pattern)))
                    .as("seed %s pattern %s", seed, pattern)
                    .isEqualTo(expected);
        }
    }

    private static String randomText(Random random, String alphabet, int maxLength) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(maxLength + 1);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    @Test
    void startsEndsAndContainsCompareBytes() {
        List<Object> input = values("Spark SQL", null, "", "日本語");
        assertThat(evaluateColumn("startswith", STRING, input, s("Spark"))).containsExactly(true, null, false, false);
        assertThat(evaluateColumn("endswith", STRING, input, s("語"))).containsExactly(false, null, false, true);
        assertThat(evaluateColumn("contains", STRING, input, s("k S"))).containsExactly(true, null, false, false);
        assertThat(evaluateColumn("contains", STRING, input, s(""))).containsExactly(true, null, true, true);
        assertThat(evaluateColumn("contains", STRING, input, s(null))).containsExactly(null, null, null, null);
    }

    @Test
    void reverseRepeatInitcapAsciiChr() {
        assertThat(evaluateOne("reverse", s("Spark SQL"))).isEqualTo("LQS krapS");
        assertThat(evaluateOne("reverse", s("a😀b"))).isEqualTo("b😀a");
        assertThat(evaluateOne("reverse", lit(List.of(1, 2, 3), new ArrayType(INT))))
                .isEqualTo(List.of(3, 2, 1));
        assertThat(evaluateOne("repeat", s("ab"), i(3))).isEqualTo("ababab");
        assertThat(evaluateOne("repeat", s("ab"), i(-1))).isEqualTo("");
        assertThat(evaluateOne("initcap", s("sPark sql  x"))).isEqualTo("Spark Sql  X");
        assertThat(evaluateOne("initcap", s("a-b c\td"))).isEqualTo("A-b C\td");
        assertThat(evaluateOne("ascii", s("222"))).isEqualTo(50);
        assertThat(evaluateOne("ascii", s(""))).isEqualTo(0);
        assertThat(evaluateOne("ascii", s("²"))).isEqualTo(178);
        assertThat(evaluateOne("chr", lit(65L, BigintType.BIGINT))).isEqualTo("A");
        assertThat(evaluateOne("char", lit(321L, BigintType.BIGINT))).isEqualTo("A");
        assertThat(evaluateOne("chr", lit(-1L, BigintType.BIGINT))).isEqualTo("");
        assertThat(evaluateOne("chr", lit(256L, BigintType.BIGINT))).isEqualTo("\u0000");
    }

    @Test
    void dictionaryInputIsEvaluatedPerUsedEntryAndStaysEncoded() {
        StringVector dictionary = StringVector.of("apple", "Banana", "not a date");
        long[] nulls = io.freshet.data.Bits.allocate(5);
        io.freshet.data.Bits.set(nulls, 3);
        StringVector input = StringVector.dictionary(dictionary, new int[] {0, 1, 0, 2, 1}, nulls, 5);
        Expr upper = bind("upper", col(0, STRING));
        Vector result = Evaluator.compile(upper).evaluate(Batch.of(input), UTC);
        assertThat(result).isInstanceOf(StringVector.class);
        assertThat(((StringVector) result).isDictionary()).isTrue();
        assertThat(RowFunctionTesting.evaluate(upper, Batch.of(input), UTC))
                .containsExactly("APPLE", "BANANA", "APPLE", null, "BANANA");
        assertThat(evaluateVector(UTC, "length", input)).containsExactly(5, 6, 5, null, 6);
        assertThat(evaluateVector(UTC, "like", input, s("%an%"))).containsExactly(false, true, false, null, true);
        assertThat(evaluateVector(UTC, "substring", input, i(2), i(2))).containsExactly("pp", "an", "pp", null, "an");
        assertThat(evaluateVector(UTC, "initcap", input)).containsExactly("Apple", "Banana", "Apple", null, "Banana");
    }

    @Test
    void constantPatternsAreCompiledOnceAndCallsCompareEqual() {
        Expr first = bind("like", col(0, STRING), s("a%"));
        Expr second = bind("like", col(0, STRING), s("a%"));
        assertThat(first).isEqualTo(second);
        assertThat(bind("rlike", col(0, STRING), s("a+"))).isEqualTo(bind("rlike", col(0, STRING), s("a+")));
        assertThat(bind("trim", col(0, STRING))).isEqualTo(bind("trim", col(0, STRING)));
        assertThat(((Call) first).function().format(List.of("x", "'a%'"))).isEqualTo("x LIKE 'a%'");
    }

    @Test
    void wrongArgumentCountsAndTypesAreAnalysisErrors() {
        assertThatThrownBy(() -> bind("substring", col(0, STRING)))
                .isInstanceOf(AnalysisException.class)
                .hasMessage("substring expects 2 or 3 arguments (str, pos[, len]), got 1")
                .extracting(e -> ((AnalysisException) e).errorCode())
                .isEqualTo(ErrorCode.WRONG_ARGUMENTS);
        assertThatThrownBy(() -> bind("upper")).hasMessage("upper expects 1 argument (str), got 0");
        assertThatThrownBy(() -> bind("concat_ws"))
                .hasMessage("concat_ws expects at least 1 argument (sep[, str | array<string>, ...]), got 0");
        assertThatThrownBy(() -> bind("upper", col(0, new ArrayType(INT))))
                .isInstanceOf(AnalysisException.class)
                .extracting(e -> ((AnalysisException) e).errorCode())
                .isEqualTo(ErrorCode.TYPE_MISMATCH);
    }

    @Test
    void nullLiteralArgumentsGiveNull() {
        assertThat(evaluateOne("upper", lit(null, NullType.NULL))).isNull();
        assertThat(evaluateOne("substring", s("abc"), lit(null, NullType.NULL))).isNull();
        assertThat(bind("upper", lit(null, NullType.NULL)).type()).isEqualTo(STRING);
    }
}
