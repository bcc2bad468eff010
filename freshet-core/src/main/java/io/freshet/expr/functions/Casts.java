package io.freshet.expr.functions;

import io.freshet.AnalysisException;
import io.freshet.ErrorCode;
import io.freshet.expr.Call;
import io.freshet.expr.Expr;
import io.freshet.types.ArrayType;
import io.freshet.types.BooleanType;
import io.freshet.types.DataType;
import io.freshet.types.DateType;
import io.freshet.types.Field;
import io.freshet.types.IntervalType;
import io.freshet.types.NullType;
import io.freshet.types.StringType;
import io.freshet.types.StructType;
import io.freshet.types.TimestampType;
import java.util.List;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/** CAST and TRY_CAST between SQL types with Spark's ANSI-mode rules. */
public final class Casts {
    private Casts() {}

    /**
     * An expression that casts {@code expr} to {@code target}; {@code expr} itself when it already has
     * that type.
     *
     * @param tryCast whether a value that cannot be converted gives null (TRY_CAST) instead of an error
     * @throws io.freshet.AnalysisException when no cast between the two types exists
     */
    public static Expr cast(Expr expr, DataType target, boolean tryCast) {
        requireNonNull(expr, "expr is null");
        requireNonNull(target, "target is null");
        DataType source = expr.type();
        if (source.equals(target)) {
            return expr;
        }
        if (!canCast(source, target)) {
            throw new AnalysisException(
                    ErrorCode.TYPE_MISMATCH,
                    "Cannot cast " + expr + " from " + typeName(source) + " to " + typeName(target)
                            + "; no conversion exists between these types");
        }
        return new Call(new CastFunction(source, target, tryCast), expr);
    }

    /** An ANSI cast; see {@link #cast(Expr, DataType, boolean)}. */
    public static Expr cast(Expr expr, DataType target) {
        return cast(expr, target, false);
    }

    /** Whether an explicit CAST from {@code source} to {@code target} exists. */
    public static boolean canCast(DataType source, DataType target) {
        requireNonNull(source, "source is null");
        requireNonNull(target, "target is null");
        if (source.equals(target) || source instanceof NullType) {
            return true;
        }
        if (target instanceof StringType) {
            return true;
        }
        if (source instanceof StringType) {
            return target instanceof BooleanType
                    || target.isNumeric()
                    || target instanceof DateType
                    || target instanceof TimestampType
                    || target instanceof IntervalType;
        }
        if (source.isNumeric() || source instanceof BooleanType) {
            return target.isNumeric()
                    || target instanceof BooleanType
                    || (source.isNumeric() && target instanceof TimestampType);
        }
        if (source instanceof TimestampType) {
            return target.isNumeric() || target instanceof DateType;
        }
        if (source instanceof DateType) {
            return target instanceof TimestampType;
        }
        if (source instanceof ArrayType from && target instanceof ArrayType to) {
            return canCast(from.elementType(), to.elementType());
        }
        if (source instanceof StructType from && target instanceof StructType to) {
            List<Field> a = from.fields();
            List<Field> b = to.fields();
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!canCast(a.get(i).type(), b.get(i).type())) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** A type's name as Spark prints it in plans and errors: {@code BIGINT}, {@code DECIMAL(10,2)}, {@code STRUCT<a: INT>}. */
    public static String typeName(DataType type) {
        return switch (type) {
            case StructType struct -> {
                StringBuilder text = new StringBuilder("STRUCT<");
                for (int i = 0; i < struct.fields().size(); i++) {
                    Field field = struct.fields().get(i);
                    text.append(i > 0 ? ", " : "")
                            .append(field.name())
                            .append(": ")
                            .append(typeName(field.type()));
                }
                yield text.append('>').toString();
            }
            case ArrayType array -> "ARRAY<" + typeName(array.elementType()) + ">";
            default -> type.sqlName().toUpperCase(Locale.ROOT);
        };
    }
}
