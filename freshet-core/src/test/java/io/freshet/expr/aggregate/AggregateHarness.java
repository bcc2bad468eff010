package io.freshet.expr.aggregate;

import io.freshet.data.Vector;
import io.freshet.data.Vectors;
import io.freshet.expr.Expr;
import io.freshet.expr.FunctionRegistry;
import io.freshet.expr.InputRef;
import io.freshet.expr.Literal;
import io.freshet.types.DataType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Test helpers: bind functions through the registry and drive accumulators the way hash aggregation does. */
final class AggregateHarness {
    private AggregateHarness() {}

    static AggregateFunction bind(String name, Expr... args) {
        return bind(name, false, args);
    }

    static AggregateFunction bind(String name, boolean distinct, Expr... args) {
        return FunctionRegistry.builtins()
                .aggregate(name)
                .orElseThrow(() -> new AssertionError("no aggregate " + name))
                .bind(List.of(args), distinct);
    }

    /** Arguments that read input columns 0, 1, … of the given types. */
    static Expr[] columns(DataType... types) {
        Expr[] args = new Expr[types.length];
        for (int i = 0; i < types.length; i++) {
            args[i] = new InputRef(i, types[i], "c" + i);
        }
        return args;
    }

    static Expr column(int index, DataType type) {
        return new InputRef(index, type, "c" + index);
    }

    static Literal literal(Object value, DataType type) {
        return new Literal(value, type);
    }

    static Vector vector(DataType type, Object... values) {
        return Vectors.of(type, Arrays.asList(values));
    }

    static List<Object> values(Vector vector) {
        List<Object> values = new ArrayList<>(vector.size());
        for (int i = 0; i < vector.size(); i++) {
            values.add(vector.get(i));
        }
        return values;
    }

    /** Feeds all rows in one batch and returns the results of groups {@code 0..groupCount)}. */
    static List<Object> run(AggregateFunction function, int groupCount, int[] groups, Vector... args) {
        GroupedAccumulator accumulator = function.createAccumulator();
        accumulator.ensureCapacity(groupCount);
        accumulator.add(groups, args, groups.length);
        return values(accumulator.result(groupCount));
    }

    /** The single-group result over all rows. */
    static Object runSingle(AggregateFunction function, Vector... args) {
        int rows = args.length == 0 ? 0 : args[0].size();
        return run(function, 1, new int[rows], args).get(0);
    }

    static Object runSingleRows(AggregateFunction function, int rows, Vector... args) {
        return run(function, 1, new int[rows], args).get(0);
    }

    /** Adds rows in batches of {@code batchSize}, as an operator would. */
    static void addInBatches(GroupedAccumulator accumulator, int[] groups, Vector[] args, int rows, int batchSize) {
        for (int start = 0; start < rows; start += batchSize) {
            int length = Math.min(batchSize, rows - start);
            Vector[] slices = new Vector[args.length];
            for (int k = 0; k < args.length; k++) {
                slices[k] = args[k].slice(start, length);
            }
            accumulator.add(Arrays.copyOfRange(groups, start, start + length), slices, length);
        }
    }

    /**
     * Splits the rows at random over {@code parts} accumulators that each number groups their own way
     * (a random permutation), then merges them all into a fresh accumulator in order.
     */
    static GroupedAccumulator partitionAndMerge(
            AggregateFunction function, int groupCount, int[] groups, Vector[] args, int parts, Random random) {
        int rows = groups.length;
        int[] assignment = new int[rows];
        for (int i = 0; i < rows; i++) {
            assignment[i] = random.nextInt(parts);
        }
        GroupedAccumulator merged = function.createAccumulator();
        merged.ensureCapacity(groupCount);
        for (int part = 0; part < parts; part++) {
            int[] toLocal = permutation(groupCount, random);
            int[] toGlobal = new int[groupCount];
            for (int g = 0; g < groupCount; g++) {
                toGlobal[toLocal[g]] = g;
            }
            int count = 0;
            int[] positions = new int[rows];
            for (int i = 0; i < rows; i++) {
                if (assignment[i] == part) {
                    positions[count++] = i;
                }
            }
            int[] localGroups = new int[count];
            for (int j = 0; j < count; j++) {
                localGroups[j] = toLocal[groups[positions[j]]];
            }
            Vector[] selected = new Vector[args.length];
            for (int k = 0; k < args.length; k++) {
                selected[k] = args[k].select(positions, count);
            }
            GroupedAccumulator partial = function.createAccumulator();
            partial.ensureCapacity(groupCount);
            addInBatches(partial, localGroups, selected, count, 1000);
            merged.merge(partial, toGlobal, groupCount);
        }
        return merged;
    }

    static int[] permutation(int size, Random random) {
        int[] result = new int[size];
        for (int i = 0; i < size; i++) {
            result[i] = i;
        }
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = result[i];
            result[i] = result[j];
            result[j] = t;
        }
        return result;
    }

    /** Serializes every group of an accumulator and reads them, in reverse group order, into a fresh one. */
    static GroupedAccumulator roundTrip(AggregateFunction function, GroupedAccumulator source, int groupCount) {
        try {
            byte[][] states = new byte[groupCount][];
            for (int g = 0; g < groupCount; g++) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                DataOutputStream out = new DataOutputStream(bytes);
                source.writeState(g, out);
                out.flush();
                states[g] = bytes.toByteArray();
            }
            GroupedAccumulator target = function.createAccumulator();
            target.ensureCapacity(groupCount);
            for (int g = groupCount - 1; g >= 0; g--) {
                DataInputStream in = new DataInputStream(new ByteArrayInputStream(states[g]));
                target.readState(g, in);
                if (in.available() != 0) {
                    throw new AssertionError("group " + g + " left " + in.available() + " unread state bytes");
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int[] randomGroups(int rows, int groupCount, Random random) {
        int[] groups = new int[rows];
        for (int i = 0; i < rows; i++) {
            groups[i] = random.nextInt(groupCount);
        }
        return groups;
    }

    /** A result value that is an array, as a list of objects. */
    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return (List<Object>) value;
    }

    /** A fresh seed, or the one given with {@code -Dfreshet.test.seed=…} to replay a failure. */
    static long seed() {
        String given = System.getProperty("freshet.test.seed");
        long seed = given != null ? Long.parseLong(given.replace("L", "")) : System.nanoTime();
        System.out.println("seed = " + seed + "L");
        return seed;
    }
}
