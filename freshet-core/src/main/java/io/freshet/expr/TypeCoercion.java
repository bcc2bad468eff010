package io.freshet.expr;

import io.freshet.types.ArrayType;
import io.freshet.types.BigintType;
import io.freshet.types.DataType;
import io.freshet.types.DateType;
import io.freshet.types.DecimalType;
import io.freshet.types.DoubleType;
import io.freshet.types.Field;
import io.freshet.types.IntType;
import io.freshet.types.NullType;
import io.freshet.types.StructType;
import io.freshet.types.TimestampType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Spark's implicit type widening: the type that values of several types are converted to. */
public final class TypeCoercion {
    private TypeCoercion() {}

    /**
     * The narrowest type that both types widen to without losing information (int and bigint give
     * bigint, bigint and double give double, null and any type give that type), or empty.
     *
     * <p>As in Spark's ANSI mode, integral types widen to decimals that keep their digits (int is
     * {@code decimal(10,0)}, bigint {@code decimal(20,0)}), two decimals widen to the decimal that keeps
     * both integer digits and scale (capped at precision 38), date widens to timestamp, and structs and
     * arrays widen field by field. A string does not widen to or from any other type: UNION and CASE
     * over a string and a number are refused rather than parsed.
     */
    public static Optional<DataType> commonType(DataType left, DataType right) {
        if (left.equals(right)) {
            return Optional.of(left);
        }
        if (left instanceof NullType) {
            return Optional.of(right);
        }
        if (right instanceof NullType) {
            return Optional.of(left);
        }
        if (left.isNumeric() && right.isNumeric()) {
            return Optional.of(widerNumeric(left, right));
        }
        if ((left instanceof DateType && right instanceof TimestampType)
                || (left instanceof TimestampType && right instanceof DateType)) {
            return Optional.of(TimestampType.TIMESTAMP);
        }
        if (left instanceof ArrayType a && right instanceof ArrayType b) {
            return commonType(a.elementType(), b.elementType()).map(ArrayType::new);
        }
        if (left instanceof StructType a && right instanceof StructType b) {
            return commonStruct(a, b);
        }
        return Optional.empty();
    }

    /** The common type of all the given types, or empty. */
    public static Optional<DataType> commonType(List<DataType> types) {
        Optional<DataType> result = Optional.empty();
        for (DataType type : types) {
            if (result.isEmpty()) {
                result = Optional.of(type);
            } else {
                result = commonType(result.get(), type);
                if (result.isEmpty()) {
                    return result;
                }
            }
        }
        return result;
    }

    /** The decimal type that holds every value of an integral or decimal type exactly. */
    public static DecimalType toDecimal(DataType type) {
        return switch (type) {
            case DecimalType decimal -> decimal;
            case IntType t -> new DecimalType(10, 0);
            case BigintType t -> new DecimalType(20, 0);
            default -> throw new IllegalArgumentException("not an exact numeric type: " + type);
        };
    }

    /** The wider of two numeric types (both must be numeric). */
    public static DataType widerNumeric(DataType left, DataType right) {
        if (left.equals(right)) {
            return left;
        }
        if (left instanceof DoubleType || right instanceof DoubleType) {
            return DoubleType.DOUBLE;
        }
        if (left instanceof DecimalType || right instanceof DecimalType) {
            return widerDecimal(toDecimal(left), toDecimal(right));
        }
        // int and bigint
        return BigintType.BIGINT;
    }

    /** Keeps the larger integer-digit count and the larger scale; precision is capped at 38. */
    public static DecimalType widerDecimal(DecimalType left, DecimalType right) {
        int scale = Math.max(left.scale(), right.scale());
        int integerDigits = Math.max(left.precision() - left.scale(), right.precision() - right.scale());
        int precision = Math.min(integerDigits + scale, DecimalType.MAX_PRECISION);
        return new DecimalType(precision, Math.min(scale, precision));
    }

    private static Optional<DataType> commonStruct(StructType left, StructType right) {
        if (left.fields().size() != right.fields().size()) {
            return Optional.empty();
        }
        List<Field> fields = new ArrayList<>(left.fields().size());
        for (int i = 0; i < left.fields().size(); i++) {
            Field a = left.fields().get(i);
            Field b = right.fields().get(i);
            if (!a.name().equalsIgnoreCase(b.name())) {
                return Optional.empty();
            }
            Optional<DataType> type = commonType(a.type(), b.type());
            if (type.isEmpty()) {
                return Optional.empty();
            }
            fields.add(new Field(a.name(), type.get(), a.nullable() || b.nullable()));
        }
        return Optional.of(new StructType(fields));
    }
}
