package io.freshet.expr.functions;

import io.freshet.data.Vector;
import io.freshet.expr.Call;
import io.freshet.expr.EvalContext;
import io.freshet.expr.Expr;
import io.freshet.expr.FunctionRegistry;
import io.freshet.expr.ScalarFunction;
import io.freshet.expr.TypeCoercion;
import io.freshet.types.ArrayType;
import io.freshet.types.BooleanType;
import io.freshet.types.DataType;
import io.freshet.types.DateType;
import io.freshet.types.DecimalType;
import io.freshet.types.DoubleType;
import io.freshet.types.IntervalType;
import io.freshet.types.NullType;
import io.freshet.types.StringType;
import io.freshet.types.StructType;
import io.freshet.types.TimestampType;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** The comparison operators {@code = <> != < <= > >= <=>}: Spark's comparison coercion and the bound function. */
final class ComparisonFunctions {
    private ComparisonFunctions() {}

    static void register(FunctionRegistry.Builder registry) {
        for (ComparisonOp op : ComparisonOp.values()) {
            registry.scalar(op.symbol(), args -> bind(op, args));
        }
        registry.scalar("!=", args -> bind(ComparisonOp.NOT_EQUAL, args));
        registry.scalar("==", args -> bind(ComparisonOp.EQUAL, args));
    }

    static Expr bind(ComparisonOp op, List<Expr> args) {
        Binding.checkCount(op.symbol(), args, 2);
        Expr left = args.get(0);
        Expr right = args.get(1);
        Optional<DataType[]> types = operandTypes(left.type(), right.type());
        if (types.isEmpty()) {
            throw Binding.mismatch(
                    op.symbol(),
                    args,
                    "two values of one type, two numbers, or a string and a value it can be read as");
        }
        return new Call(new Comparison(op), Casts.cast(left, types.get()[0]), Casts.cast(right, types.get()[1]));
    }

    /**
     * The types both sides of a comparison are cast to, or empty when they cannot be compared: numbers
     * widen (two decimals compare as they are), a string is read as the other side's type (as a double
     * next to a decimal), a date next to a timestamp becomes a timestamp, NULL takes the other side's type.
     */
    static Optional<DataType[]> operandTypes(DataType left, DataType right) {
        if (left instanceof NullType && right instanceof NullType) {
            return pair(BooleanType.BOOLEAN, BooleanType.BOOLEAN);
        }
        if (left.equals(right)) {
            return pair(left, right);
        }
        if (left instanceof NullType) {
            return pair(right, right);
        }
        if (right instanceof NullType) {
            return pair(left, left);
        }
        if (left instanceof DecimalType && right instanceof DecimalType) {
            return pair(left, right);
        }
        if (left.isNumeric() && right.isNumeric()) {
            DataType wider = TypeCoercion.widerNumeric(left, right);
            return pair(wider, wider);
        }
        if (left instanceof StringType && readsStringAs(right) != null) {
            DataType type = readsStringAs(right);
            return pair(type, right instanceof DecimalType ? type : right);
        }
        if (right instanceof StringType && readsStringAs(left) != null) {
            DataType type = readsStringAs(left);
            return pair(left instanceof DecimalType ? type : left, type);
        }
        if ((left instanceof DateType && right instanceof TimestampType)
                || (left instanceof TimestampType && right instanceof DateType)) {
            return pair(TimestampType.TIMESTAMP, TimestampType.TIMESTAMP);
        }
        if ((left instanceof StructType || left instanceof ArrayType)
                && (right instanceof StructType || right instanceof ArrayType)) {
            return TypeCoercion.commonType(left, right).flatMap(type -> pair(type, type));
        }
        return Optional.empty();
    }

    /** What a string compared with a value of {@code other} is cast to, or null when it is not. */
    private static DataType readsStringAs(DataType other) {
        if (other instanceof DecimalType) {
            return DoubleType.DOUBLE;
        }
        if (other.isNumeric()
                || other instanceof BooleanType
                || other instanceof DateType
                || other instanceof TimestampType
                || other instanceof IntervalType) {
            return other;
        }
        return null;
    }

    private static Optional<DataType[]> pair(DataType left, DataType right) {
        return Optional.of(new DataType[] {left, right});
    }

    /** A comparison of two operands of comparable types; prints infix, e.g. {@code (a < b)}. */
    record Comparison(ComparisonOp op) implements ScalarFunction {
        Comparison {
            requireNonNull(op, "op is null");
        }

        @Override
        public String name() {
            return op.symbol();
        }

        @Override
        public DataType returnType() {
            return BooleanType.BOOLEAN;
        }

        @Override
        public String format(List<String> args) {
            return "(" + args.get(0) + " " + op.symbol() + " " + args.get(1) + ")";
        }

        @Override
        public Vector evaluate(Vector[] args, int rowCount, EvalContext context) {
            return ComparisonKernels.compare(op, args[0], args[1]);
        }
    }
}
