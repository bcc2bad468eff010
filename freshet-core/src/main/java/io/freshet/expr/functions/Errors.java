package io.freshet.expr.functions;

import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import io.freshet.expr.ExprPrinter;
import io.freshet.types.DataType;

/** The runtime errors of operators and casts, with messages that say what to change, as Spark's do. */
final class Errors {
    private Errors() {}

    /** An integer, decimal or interval result that does not fit its type. */
    static FreshetException overflow(String operation, DataType type, String tryFunction) {
        return new FreshetException(
                ErrorCode.ARITHMETIC_OVERFLOW,
                "Arithmetic overflow in " + operation + ": the result does not fit in " + Casts.typeName(type)
                        + "; use " + tryFunction + " to get NULL instead, or cast the operands to a wider type");
    }

    static FreshetException divideByZero(String tryFunction) {
        return new FreshetException(
                ErrorCode.DIVIDE_BY_ZERO,
                "Division by zero; use " + tryFunction + " to get NULL when the divisor is 0, "
                        + "or exclude zero divisors (e.g. with NULLIF(divisor, 0))");
    }

    static FreshetException castInvalid(Object value, DataType source, DataType target) {
        return new FreshetException(
                ErrorCode.CAST_INVALID_INPUT,
                "The value " + show(value, source) + " of the type " + Casts.typeName(source)
                        + " cannot be cast to " + Casts.typeName(target)
                        + " because it is malformed; correct the value or use try_cast to get NULL for malformed input");
    }

    static FreshetException castOverflow(Object value, DataType source, DataType target) {
        return new FreshetException(
                ErrorCode.ARITHMETIC_OVERFLOW,
                "The value " + show(value, source) + " of the type " + Casts.typeName(source)
                        + " cannot be cast to " + Casts.typeName(target)
                        + " because it is out of range; use try_cast to get NULL instead");
    }

    private static String show(Object value, DataType type) {
        return ExprPrinter.literal(value, type);
    }
}
