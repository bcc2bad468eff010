package io.freshet.expr.functions;

import io.freshet.FreshetException;
import io.freshet.data.Bits;
import io.freshet.data.BooleanVector;
import io.freshet.data.DoubleVector;
import io.freshet.data.IntVector;
import io.freshet.data.LongVector;
import io.freshet.data.ObjectVector;
import io.freshet.data.StringVector;
import io.freshet.data.Vector;
import io.freshet.expr.Call;
import io.freshet.expr.EvalContext;
import io.freshet.expr.Expr;
import io.freshet.expr.ExprPrinter;
import io.freshet.expr.FunctionRegistry;
import io.freshet.expr.Literal;
import io.freshet.expr.ScalarFunction;
import io.freshet.expr.TypeCoercion;
import io.freshet.types.BooleanType;
import io.freshet.types.DataType;
import io.freshet.types.DateType;
import io.freshet.types.DecimalType;
import io.freshet.types.NullType;
import io.freshet.types.StringType;
import io.freshet.types.TimestampType;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code value IN (item, …)} with SQL's null rules: true when some item equals the value, else null when
 * the value or some item is null, else false. A list of literals becomes a sorted set searched without
 * allocation; any other list is compared item by item with the comparison kernels.
 */
final class InFunctions {
    private InFunctions() {}

    static void register(FunctionRegistry.Builder registry) {
        registry.scalar("in", InFunctions::bind);
    }

    static Expr bind(List<Expr> args) {
        Binding.checkAtLeast("in", args, 2);
        DataType type = args.get(0).type();
        for (int i = 1; i < args.size(); i++) {
            Optional<DataType> next = itemType(type, args.get(i).type());
            if (next.isEmpty()) {
                throw Binding.mismatch("in", args, "a value and a list of values of a type it can be compared with");
            }
            type = next.get();
        }
        if (type instanceof NullType) {
            type = BooleanType.BOOLEAN;
        }
        Expr value = Casts.cast(args.get(0), type);
        InSetValues set = literalSet(args.subList(1, args.size()), type);
        if (set != null) {
            return new Call(new InSet(set), value);
        }
        List<Expr> cast = new ArrayList<>(args.size());
        cast.add(value);
        for (int i = 1; i < args.size(); i++) {
            cast.add(Casts.cast(args.get(i), type));
        }
        return new Call(new In(), cast);
    }

    private static Optional<DataType> itemType(DataType left, DataType right) {
        // A NULL on either side takes the other side's type (NULL IN (NULL, 1) compares as int).
        if (left instanceof NullType) {
            return Optional.of(right);
        }
        if (right instanceof NullType) {
            return Optional.of(left);
        }
        if (left instanceof DecimalType a && right instanceof DecimalType b) {
            return Optional.of(TypeCoercion.widerDecimal(a, b));
        }
        return ComparisonFunctions.operandTypes(left, right).map(pair -> pair[0]);
    }

    /** The items' values converted to {@code type} when all are literals and converting needs no time zone. */
    private static InSetValues literalSet(List<Expr> items, DataType type) {
        List<Object> values = new ArrayList<>(items.size());
        for (Expr item : items) {
            if (!(item instanceof Literal literal)) {
                return null;
            }
            DataType source = literal.type();
            if (!source.equals(type) && !(source instanceof NullType) && dependsOnZone(source, type)) {
                return null;
            }
            try {
                values.add(CastValues.convert(literal.value(), source, type, ZoneOffset.UTC));
            } catch (FreshetException e) {
                return null; // a malformed item: let the cast fail at run time as it would without the set
            }
        }
        return new InSetValues(type, values);
    }

    private static boolean dependsOnZone(DataType source, DataType target) {
        boolean temporalTarget = target instanceof TimestampType || target instanceof DateType;
        return (temporalTarget && source instanceof StringType)
                || (source instanceof TimestampType && !(target instanceof TimestampType))
                || (target instanceof TimestampType);
    }

    /** IN over a list of expressions, all of the value's type. */
    record In() implements ScalarFunction {
        @Override
        public String name() {
            return "in";
        }

        @Override
        public DataType returnType() {
            return BooleanType.BOOLEAN;
        }

        @Override
        public String format(List<String> args) {
            return "(" + args.get(0) + " IN (" + String.join(", ", args.subList(1, args.size())) + "))";
        }

        @Override
        public Vector evaluate(Vector[] args, int rowCount, EvalContext context) {
            Vector value = args[0];
            boolean[] matched = new boolean[rowCount];
            long[] unknown = null;
            for (int k = 1; k < args.length; k++) {
                BooleanVector equal = ComparisonKernels.compare(ComparisonOp.EQUAL, value, args[k]);
                boolean[] values = equal.values();
                long[] nulls = equal.nulls();
                if (nulls == null) {
                    for (int i = 0; i < rowCount; i++) {
                        matched[i] |= values[i];
                    }
                } else {
                    unknown = Bits.or(unknown, nulls);
                    for (int i = 0; i < rowCount; i++) {
                        matched[i] |= values[i] && !Bits.get(nulls, i);
                    }
                }
            }
            return result(matched, unknown, rowCount);
        }

        /** Null where no item matched but some comparison was null (this includes a null value). */
        private static BooleanVector result(boolean[] matched, long[] unknown, int rowCount) {
            long[] nulls = null;
            if (unknown != null) {
                nulls = Bits.allocate(rowCount);
                for (int i = 0; i < rowCount; i++) {
                    if (!matched[i] && Bits.get(unknown, i)) {
                        Bits.set(nulls, i);
                    }
                }
            }
            return new BooleanVector(BooleanType.BOOLEAN, matched, nulls, rowCount);
        }
    }

    /** IN over a constant set of values held by the function (the value is the only argument). */
    record InSet(InSetValues set) implements ScalarFunction {
        /** Up to this many integral items are matched with one pass over the rows per item. */
        private static final int SMALL_SET = 8;

        InSet {
            requireNonNull(set, "set is null");
        }

        @Override
        public String name() {
            return "in";
        }

        @Override
        public DataType returnType() {
            return BooleanType.BOOLEAN;
        }

        @Override
        public String format(List<String> args) {
            List<String> items = new ArrayList<>(set.values().size());
            for (Object item : set.values()) {
                items.add(ExprPrinter.literal(item, set.type()));
            }
            return "(" + args.get(0) + " IN (" + String.join(", ", items) + "))";
        }

        @Override
        public Vector evaluate(Vector[] args, int rowCount, EvalContext context) {
            Vector value = args[0];
            boolean[] found = new boolean[rowCount];
            switch (value) {
                case IntVector v -> {
                    int[] values = v.values();
                    long[] items = set.longs();
                    if (items != null && items.length <= SMALL_SET) {
                        // one vectorizable pass per item beats a binary search per row
                        for (long item : items) {
                            for (int i = 0; i < rowCount; i++) {
                                found[i] |= values[i] == item;
                            }
                        }
                    } else {
                        for (int i = 0; i < rowCount; i++) {
                            found[i] = set.containsLong(values[i]);
                        }
                    }
                }
                case LongVector v -> {
                    long[] values = v.values();
                    long[] items = set.longs();
                    if (items != null && items.length <= SMALL_SET) {
                        for (long item : items) {
                            for (int i = 0; i < rowCount; i++) {
                                found[i] |= values[i] == item;
                            }
                        }
                    } else {
                        for (int i = 0; i < rowCount; i++) {
                            found[i] = set.containsLong(values[i]);
                        }
                    }
                }
                case DoubleVector v -> {
                    double[] values = v.values();
                    for (int i = 0; i < rowCount; i++) {
                        found[i] = set.containsDouble(values[i]);
                    }
                }
                case StringVector v -> containsStrings(v, found, rowCount);
                case BooleanVector v -> {
                    for (int i = 0; i < rowCount; i++) {
                        found[i] = set.containsObject(v.values()[i]);
                    }
                }
                case ObjectVector v -> {
                    for (int i = 0; i < rowCount; i++) {
                        Object item = v.get(i);
                        found[i] = item != null && set.containsObject(item);
                    }
                }
            }
            long[] nulls = value.nulls();
            if (set.hasNull()) {
                // nothing matched: the unknown comparison with NULL makes the answer unknown
                nulls = VectorOps.mutableCopy(nulls, rowCount);
                for (int i = 0; i < rowCount; i++) {
                    if (!found[i]) {
                        Bits.set(nulls, i);
                    }
                }
            }
            return new BooleanVector(BooleanType.BOOLEAN, found, nulls, rowCount);
        }

        private void containsStrings(StringVector vector, boolean[] found, int rowCount) {
            if (vector.isDictionary()) {
                StringVector dictionary = vector.dictionaryValues();
                boolean[] perEntry = new boolean[dictionary.size()];
                containsStrings(dictionary, perEntry, dictionary.size());
                int[] ids = vector.ids();
                for (int i = 0; i < rowCount; i++) {
                    found[i] = !vector.isNull(i) && perEntry[ids[i]];
                }
                return;
            }
            byte[] bytes = vector.bytes();
            int[] offsets = vector.offsets();
            for (int i = 0; i < rowCount; i++) {
                found[i] = !vector.isNull(i) && set.containsBytes(bytes, offsets[i], offsets[i + 1]);
            }
        }
    }

    /**
     * The non-null values of an IN list in sorted arrays for binary search, plus whether the list had a
     * NULL. Equality is by type and listed values, so that equal IN expressions compare equal.
     */
    static final class InSetValues {
        private final DataType type;
        private final List<Object> values;
        private final boolean hasNull;
        private final long[] longs;
        private final double[] doubles;
        private final byte[][] strings;
        private final Object[] objects;

        InSetValues(DataType type, List<Object> values) {
            this.type = requireNonNull(type, "type is null");
            this.values = Collections.unmodifiableList(new ArrayList<>(values));
            List<Object> present = new ArrayList<>(values.size());
            boolean sawNull = false;
            for (Object value : values) {
                if (value == null) {
                    sawNull = true;
                } else {
                    present.add(value);
                }
            }
            this.hasNull = sawNull;
            int count = present.size();
            long[] longValues = null;
            double[] doubleValues = null;
            byte[][] stringValues = null;
            Object[] objectValues = null;
            if (!present.isEmpty() && (present.get(0) instanceof Integer || present.get(0) instanceof Long)) {
                longValues = new long[count];
                for (int i = 0; i < count; i++) {
                    longValues[i] = ((Number) present.get(i)).longValue();
                }
                Arrays.sort(longValues);
            } else if (!present.isEmpty() && present.get(0) instanceof Double) {
                doubleValues = new double[count];
                for (int i = 0; i < count; i++) {
                    doubleValues[i] = normalize((Double) present.get(i));
                }
                Arrays.sort(doubleValues);
            } else if (!present.isEmpty() && present.get(0) instanceof String) {
                stringValues = new byte[count][];
                for (int i = 0; i < count; i++) {
                    stringValues[i] = ((String) present.get(i)).getBytes(StandardCharsets.UTF_8);
                }
                Arrays.sort(stringValues, Arrays::compareUnsigned);
            } else {
                objectValues = present.toArray();
                Arrays.sort(objectValues, ValueComparator::compare);
            }
            this.longs = longValues;
            this.doubles = doubleValues;
            this.strings = stringValues;
            this.objects = objectValues;
        }

        DataType type() {
            return type;
        }

        /** The listed values in their order, NULL included. */
        List<Object> values() {
            return values;
        }

        boolean hasNull() {
            return hasNull;
        }

        /** The sorted integral items, or null when the set does not hold integers. */
        long[] longs() {
            return longs;
        }

        boolean containsLong(long value) {
            return longs != null && Arrays.binarySearch(longs, value) >= 0;
        }

        boolean containsDouble(double value) {
            return doubles != null && Arrays.binarySearch(doubles, normalize(value)) >= 0;
        }

        boolean containsBytes(byte[] bytes, int from, int to) {
            if (strings == null) {
                return false;
            }
            int low = 0;
            int high = strings.length - 1;
            while (low <= high) {
                int middle = (low + high) >>> 1;
                byte[] candidate = strings[middle];
                int comparison = Arrays.compareUnsigned(candidate, 0, candidate.length, bytes, from, to);
                if (comparison < 0) {
                    low = middle + 1;
                } else if (comparison > 0) {
                    high = middle - 1;
                } else {
                    return true;
                }
            }
            return false;
        }

        boolean containsObject(Object value) {
            return objects != null && Arrays.binarySearch(objects, value, ValueComparator::compare) >= 0;
        }

        /** -0.0 equals 0.0 and every NaN equals every other in SQL; Arrays.binarySearch needs one spelling each. */
        private static double normalize(double value) {
            return value == 0.0 ? 0.0 : Double.isNaN(value) ? Double.NaN : value;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof InSetValues that && type.equals(that.type) && values.equals(that.values);
        }

        @Override
        public int hashCode() {
            return type.hashCode() * 31 + values.hashCode();
        }

        @Override
        public String toString() {
            return values.toString();
        }
    }
}
