package io.freshet.expr.functions;

import io.freshet.AnalysisException;
import io.freshet.ErrorCode;
import io.freshet.data.ObjectVector;
import io.freshet.data.Vector;
import io.freshet.data.VectorBuilder;
import io.freshet.expr.Call;
import io.freshet.expr.EvalContext;
import io.freshet.expr.Expr;
import io.freshet.expr.ScalarFunction;
import io.freshet.types.ArrayType;
import io.freshet.types.BigintType;
import io.freshet.types.DataType;
import io.freshet.types.Field;
import io.freshet.types.IntType;
import io.freshet.types.StructType;
import io.freshet.types.StructValue;
import java.util.ArrayList;
import java.util.List;

import static io.freshet.ErrorCode.TYPE_MISMATCH;

/** Building and taking apart structs and arrays: {@code struct(…)}, {@code s.field}, {@code a[i]}. */
public final class StructFunctions {
    private StructFunctions() {}

    /** {@code base.field} on a struct-valued expression. */
    public static Expr getField(Expr base, String field) {
        if (!(base.type() instanceof StructType struct)) {
            throw new AnalysisException(
                    TYPE_MISMATCH,
                    "Cannot read field '" + field + "' of a " + base.type().sqlName()
                            + " value; only structs have fields");
        }
        int index = struct.indexOf(field);
        if (index < 0) {
            throw new AnalysisException(
                    ErrorCode.COLUMN_NOT_FOUND, "Struct " + struct.sqlName() + " has no field '" + field + "'");
        }
        return new Call(
                new GetField(
                        struct.fields().get(index).name(),
                        index,
                        struct.fields().get(index).type()),
                base);
    }

    /** {@code base[index]}: 0-based element of an array (null when out of range, as Spark's {@code []}). */
    public static Expr subscript(Expr base, Expr index) {
        if (base.type() instanceof StructType
                && index instanceof io.freshet.expr.Literal literal
                && literal.value() instanceof String name) {
            return getField(base, name);
        }
        if (!(base.type() instanceof ArrayType array)) {
            throw new AnalysisException(
                    TYPE_MISMATCH,
                    "Cannot subscript a " + base.type().sqlName() + " value; only arrays can be indexed");
        }
        if (!(index.type() instanceof IntType) && !(index.type() instanceof BigintType)) {
            throw new AnalysisException(
                    TYPE_MISMATCH,
                    "An array index must be an integer, got " + index.type().sqlName());
        }
        return new Call(new ArrayElement(array.elementType()), base, index);
    }

    /** {@code struct(v1, v2, …)} with the given field names. */
    public static Expr struct(List<String> names, List<Expr> values) {
        List<Field> fields = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            fields.add(Field.of(names.get(i), values.get(i).type()));
        }
        return new Call(new MakeStruct(new StructType(fields)), values);
    }

    /** Reads one field of a struct. */
    record GetField(String field, int index, DataType returnType) implements ScalarFunction {
        @Override
        public String name() {
            return "get_field";
        }

        @Override
        public String format(List<String> args) {
            return args.get(0) + "." + field;
        }

        @Override
        public Vector evaluate(Vector[] args, int rowCount, EvalContext context) {
            VectorBuilder builder = VectorBuilder.forType(returnType, rowCount);
            Vector input = args[0];
            for (int i = 0; i < rowCount; i++) {
                Object value = input.get(i);
                builder.append(value == null ? null : ((StructValue) value).get(index));
            }
            return builder.build();
        }
    }

    /** Reads one element of an array by 0-based index. */
    record ArrayElement(DataType returnType) implements ScalarFunction {
        @Override
        public String name() {
            return "element";
        }

        @Override
        public String format(List<String> args) {
            return args.get(0) + "[" + args.get(1) + "]";
        }

        @Override
        public Vector evaluate(Vector[] args, int rowCount, EvalContext context) {
            VectorBuilder builder = VectorBuilder.forType(returnType, rowCount);
            for (int i = 0; i < rowCount; i++) {
                Object array = args[0].get(i);
                Object index = args[1].get(i);
                if (array == null || index == null) {
                    builder.appendNull();
                    continue;
                }
                List<?> list = (List<?>) array;
                long position = ((Number) index).longValue();
                builder.append(position >= 0 && position < list.size() ? list.get((int) position) : null);
            }
            return builder.build();
        }
    }

    /** Builds a struct from its field values. */
    record MakeStruct(StructType returnType) implements ScalarFunction {
        @Override
        public String name() {
            return "struct";
        }

        @Override
        public Vector evaluate(Vector[] args, int rowCount, EvalContext context) {
            Object[] values = new Object[rowCount];
            for (int i = 0; i < rowCount; i++) {
                Object[] fields = new Object[args.length];
                for (int k = 0; k < args.length; k++) {
                    fields[k] = args[k].get(i);
                }
                values[i] = new StructValue(fields);
            }
            return new ObjectVector(returnType, values, rowCount);
        }
    }
}
