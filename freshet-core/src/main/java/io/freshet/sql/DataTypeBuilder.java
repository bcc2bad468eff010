package io.freshet.sql;

import io.freshet.sql.FreshetSqlParser.ArrayTypeContext;
import io.freshet.sql.FreshetSqlParser.DataTypeContext;
import io.freshet.sql.FreshetSqlParser.IntervalTypeContext;
import io.freshet.sql.FreshetSqlParser.MapTypeContext;
import io.freshet.sql.FreshetSqlParser.PrimitiveTypeContext;
import io.freshet.sql.FreshetSqlParser.StructFieldContext;
import io.freshet.sql.FreshetSqlParser.StructTypeContext;
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
import io.freshet.types.StringType;
import io.freshet.types.StructType;
import io.freshet.types.TimestampType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.antlr.v4.runtime.tree.TerminalNode;

import static java.util.Objects.requireNonNull;

/**
 * Builds {@link DataType}s from the {@code dataType} rule. Spark's type names map onto Freshet's
 * types: {@code smallint}/{@code tinyint} are {@code int}, {@code float}/{@code real} are {@code
 * double}, {@code varchar(n)}/{@code char(n)} are {@code string}, {@code timestamp_ltz}/{@code
 * timestamp_ntz} are {@code timestamp}.
 */
final class DataTypeBuilder {
    private final SourceMap source;

    DataTypeBuilder(SourceMap source) {
        this.source = requireNonNull(source, "source is null");
    }

    DataType dataType(DataTypeContext context) {
        return switch (context) {
            case ArrayTypeContext array -> new ArrayType(dataType(array.dataType()));
            case StructTypeContext struct -> structType(struct);
            case MapTypeContext map ->
                throw source.error(
                        map,
                        "The MAP type is not supported; use an array of structs, e.g. ARRAY<STRUCT<key: STRING, value: INT>>");
            case IntervalTypeContext interval -> intervalType(interval);
            case PrimitiveTypeContext primitive -> primitiveType(primitive);
            default -> throw new IllegalStateException("unexpected data type node " + context.getClass());
        };
    }

    Field field(StructFieldContext context) {
        String name = AstBuilder.identifier(context.anyIdentifier());
        return new Field(name, dataType(context.dataType()), context.NOT() == null);
    }

    private StructType structType(StructTypeContext context) {
        List<Field> fields = new ArrayList<>();
        for (StructFieldContext field : context.structField()) {
            fields.add(field(field));
        }
        return new StructType(fields);
    }

    private IntervalType intervalType(IntervalTypeContext context) {
        if (context.from != null) {
            String from = context.from.getText().toUpperCase(Locale.ROOT);
            String to = context.to == null ? from : context.to.getText().toUpperCase(Locale.ROOT);
            if (isYearMonth(from) || isYearMonth(to)) {
                throw source.error(
                        context,
                        "The type INTERVAL " + from + (context.to == null ? "" : " TO " + to)
                                + " is not supported: Freshet has day-time intervals only; use INTERVAL DAY TO SECOND");
            }
            if (!isDayTime(from) || !isDayTime(to)) {
                throw source.error(
                        context.from,
                        "Unknown interval field in type INTERVAL "
                                + context.getText().substring("INTERVAL".length())
                                + "; use DAY, HOUR, MINUTE or SECOND");
            }
        }
        return IntervalType.INTERVAL;
    }

    private static boolean isYearMonth(String field) {
        return field.equals("YEAR") || field.equals("MONTH");
    }

    private static boolean isDayTime(String field) {
        return field.equals("DAY") || field.equals("HOUR") || field.equals("MINUTE") || field.equals("SECOND");
    }

    private DataType primitiveType(PrimitiveTypeContext context) {
        String name = context.typeName.getText().toLowerCase(Locale.ROOT);
        List<Integer> parameters = new ArrayList<>();
        for (TerminalNode value : context.INTEGER_VALUE()) {
            try {
                parameters.add(Integer.parseInt(value.getText()));
            } catch (NumberFormatException e) {
                throw source.error(value.getSymbol(), "Type parameter " + value.getText() + " is too large");
            }
        }
        checkParameterCount(context, name, parameters);
        return switch (name) {
            case "int", "integer", "smallint", "short", "tinyint", "byte" -> IntType.INT;
            case "bigint", "long" -> BigintType.BIGINT;
            case "double", "float", "real" -> DoubleType.DOUBLE;
            case "decimal", "dec", "numeric" -> decimal(context, parameters);
            case "string", "varchar", "char", "character" -> StringType.STRING;
            case "boolean", "bool" -> BooleanType.BOOLEAN;
            case "date" -> DateType.DATE;
            case "timestamp", "timestamp_ltz", "timestamp_ntz" -> TimestampType.TIMESTAMP;
            case "binary" -> throw source.error(context, "The BINARY type is not supported; use STRING");
            default ->
                throw source.error(
                        context,
                        "Unsupported data type '" + context.typeName.getText()
                                + "'; use INT, BIGINT, DOUBLE, DECIMAL(p,s), STRING, BOOLEAN, DATE, TIMESTAMP, INTERVAL, "
                                + "ARRAY<…> or STRUCT<…>");
        };
    }

    private void checkParameterCount(PrimitiveTypeContext context, String name, List<Integer> parameters) {
        int allowed =
                switch (name) {
                    case "decimal", "dec", "numeric" -> 2;
                    case "varchar", "char", "character" -> 1;
                    default -> 0;
                };
        boolean required = allowed == 1;
        if (parameters.size() > allowed || (required && parameters.isEmpty())) {
            String expected =
                    allowed == 0 ? "no parameters" : allowed == 1 ? "a length, e.g. VARCHAR(10)" : "(precision, scale)";
            throw source.error(context, "Type " + name.toUpperCase(Locale.ROOT) + " takes " + expected);
        }
    }

    private DecimalType decimal(PrimitiveTypeContext context, List<Integer> parameters) {
        if (parameters.isEmpty()) {
            return DecimalType.DEFAULT;
        }
        int precision = parameters.get(0);
        int scale = parameters.size() > 1 ? parameters.get(1) : 0;
        if (precision < 1 || precision > DecimalType.MAX_PRECISION) {
            throw source.error(context, "Decimal precision " + precision + " is out of range; use 1 to 38");
        }
        if (scale > precision) {
            throw source.error(context, "Decimal scale " + scale + " is larger than the precision " + precision);
        }
        return new DecimalType(precision, scale);
    }
}
