package io.freshet.sql;

import io.freshet.AnalysisException;
import io.freshet.ErrorCode;
import io.freshet.sql.ast.AstPrinter;
import io.freshet.types.ArrayType;
import io.freshet.types.BigintType;
import io.freshet.types.BooleanType;
import io.freshet.types.DataType;
import io.freshet.types.DateType;
import io.freshet.types.DecimalType;
import io.freshet.types.DoubleType;
import io.freshet.types.Field;
import io.freshet.types.IntType;
import io.freshet.types.IntervalType;
import io.freshet.types.Schema;
import io.freshet.types.StringType;
import io.freshet.types.StructType;
import io.freshet.types.TimestampType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqlSchemaTest {

    @Test
    void parsesADdlSchema() {
        Schema schema =
                SqlParser.parseSchema("ts TIMESTAMP, user_id BIGINT, s STRUCT<a: INT, b: STRING>, xs ARRAY<INT>");
        assertThat(schema)
                .isEqualTo(Schema.of(
                        Field.of("ts", TimestampType.TIMESTAMP),
                        Field.of("user_id", BigintType.BIGINT),
                        Field.of(
                                "s",
                                new StructType(List.of(Field.of("a", IntType.INT), Field.of("b", StringType.STRING)))),
                        Field.of("xs", new ArrayType(IntType.INT))));
    }

    @Test
    void columnsMayBeBackquotedNotNullAndCommented() {
        Schema schema = SqlParser.parseSchema(
                "`user id` BIGINT NOT NULL COMMENT 'who', `a``b` STRING COMMENT 'x', date DATE, value DOUBLE");
        assertThat(schema.fields())
                .containsExactly(
                        new Field("user id", BigintType.BIGINT, false),
                        Field.of("a`b", StringType.STRING),
                        Field.of("date", DateType.DATE),
                        Field.of("value", DoubleType.DOUBLE));
    }

    @Test
    void emptySchema() {
        assertThat(SqlParser.parseSchema("")).isEqualTo(Schema.of());
        assertThat(SqlParser.parseSchema("  ")).isEqualTo(Schema.of());
    }

    @Test
    void schemaToDdlParsesBack() {
        Schema schema = Schema.of(
                Field.of("ts", TimestampType.TIMESTAMP),
                Field.of("amount", new DecimalType(12, 2)),
                Field.of("weird name", StringType.STRING),
                Field.of("flags", new ArrayType(BooleanType.BOOLEAN)));
        assertThat(SqlParser.parseSchema(schema.toDdl())).isEqualTo(schema);
    }

    @Test
    void duplicateColumnsAreRejected() {
        assertThatThrownBy(() -> SqlParser.parseSchema("a INT, b INT, A STRING"))
                .isInstanceOf(AnalysisException.class)
                .hasMessageStartingWith("Found duplicate column 'A'")
                .satisfies(e -> {
                    AnalysisException error = (AnalysisException) e;
                    assertThat(error.errorCode()).isEqualTo(ErrorCode.INVALID_SCHEMA);
                    assertThat(error.column()).isEqualTo(15);
                });
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "INT                      | int",
                "integer                  | int",
                "SMALLINT                 | int",
                "tinyint                  | int",
                "BIGINT                   | bigint",
                "LONG                     | bigint",
                "DOUBLE                   | double",
                "FLOAT                    | double",
                "REAL                     | double",
                "DECIMAL                  | decimal(10,0)",
                "DECIMAL(12)              | decimal(12,0)",
                "DECIMAL(12, 3)           | decimal(12,3)",
                "NUMERIC(5,2)             | decimal(5,2)",
                "DEC(38, 38)              | decimal(38,38)",
                "STRING                   | string",
                "VARCHAR(10)              | string",
                "CHAR(3)                  | string",
                "BOOLEAN                  | boolean",
                "DATE                     | date",
                "TIMESTAMP                | timestamp",
                "TIMESTAMP_LTZ            | timestamp",
                "TIMESTAMP_NTZ            | timestamp",
                "INTERVAL                 | interval day to second",
                "INTERVAL DAY TO SECOND   | interval day to second",
                "INTERVAL HOUR            | interval day to second",
                "ARRAY<STRING>            | array<string>",
                "array<array<int>>        | array<array<int>>",
                "STRUCT<a: INT, b STRING> | struct<a: int, b: string>",
                "STRUCT<>                 | struct<>",
                "STRUCT< >                | struct<>",
                "STRUCT<end: TIMESTAMP>   | struct<end: timestamp>",
            })
    void dataTypes(String text, String sqlName) {
        assertThat(SqlParser.parseDataType(text).sqlName()).isEqualTo(sqlName);
    }

    @Test
    void structFieldsKeepNullability() {
        assertThat(SqlParser.parseDataType("STRUCT<a: INT NOT NULL COMMENT 'x', b: INT>"))
                .isEqualTo(new StructType(List.of(new Field("a", IntType.INT, false), Field.of("b", IntType.INT))));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "foo                 | Unsupported data type 'foo'",
                "MAP<STRING, INT>    | The MAP type is not supported",
                "BINARY              | The BINARY type is not supported",
                "DECIMAL(40, 2)      | Decimal precision 40 is out of range",
                "DECIMAL(5, 6)       | Decimal scale 6 is larger than the precision 5",
                "DECIMAL(1, 2, 3)    | Type DECIMAL takes (precision, scale)",
                "INT(3)              | Type INT takes no parameters",
                "VARCHAR             | Type VARCHAR takes a length",
                "INTERVAL YEAR TO MONTH | The type INTERVAL YEAR TO MONTH is not supported",
                "ARRAY<INT           | Syntax error at or near end of input",
            })
    void unsupportedTypesAreParseErrors(String text, String message) {
        assertThatThrownBy(() -> SqlParser.parseDataType(text))
                .isInstanceOf(AnalysisException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void everyTypePrintsBackToItself() {
        for (DataType type : List.of(
                IntType.INT,
                BigintType.BIGINT,
                DoubleType.DOUBLE,
                new DecimalType(7, 3),
                StringType.STRING,
                BooleanType.BOOLEAN,
                DateType.DATE,
                TimestampType.TIMESTAMP,
                IntervalType.INTERVAL,
                new ArrayType(new StructType(
                        List.of(Field.of("end", IntType.INT), new Field("x y", DateType.DATE, false)))))) {
            assertThat(SqlParser.parseDataType(AstPrinter.typeName(type))).isEqualTo(type);
        }
    }
}
