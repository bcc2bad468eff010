package io.freshet.expr.functions;

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
import io.freshet.expr.FunctionRegistry;
import io.freshet.expr.Literal;
import io.freshet.expr.ScalarFunction;
import io.freshet.types.ArrayType;
import io.freshet.types.BigintType;
import io.freshet.types.DataType;
import io.freshet.types.DecimalType;
import io.freshet.types.IntType;
import io.freshet.types.StringType;
import io.freshet.types.StructType;
import io.freshet.types.StructValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32;

import static io.freshet.expr.functions.RowFunctions.checkArity;
import static io.freshet.expr.functions.RowFunctions.coerce;
import static io.freshet.expr.functions.RowFunctions.rowCall;
import static java.util.Objects.requireNonNull;

/**
 * Built-in hash functions giving the same values as Spark: {@code hash} (Murmur3 x86_32) and {@code
 * xxhash64} (XXH64), both seeded with 42 and chained over the arguments, nulls skipped; and the
 * digests {@code md5}, {@code sha1}, {@code sha2} and {@code crc32} of a string's UTF-8 bytes.
 */
public final class HashFunctions {
    private HashFunctions() {}

    /** The seed Spark uses for {@code hash} and {@code xxhash64}. */
    static final int SEED = 42;

    public static void register(FunctionRegistry.Builder registry) {
        registry.scalar("hash", args -> bindHash("hash", args, false));
        registry.scalar("xxhash64", args -> bindHash("xxhash64", args, true));
        registry.scalar("md5", args -> bindDigest("md5", args, "MD5"));
        registry.scalar("sha1", args -> bindDigest("sha1", args, "SHA-1"));
        registry.scalar("sha", args -> bindDigest("sha", args, "SHA-1"));
        registry.scalar("sha2", HashFunctions::bindSha2);
        registry.scalar("crc32", HashFunctions::bindCrc32);
    }

    private static Expr bindHash(String name, List<Expr> args, boolean xxhash) {
        checkArity(name, args, 1, Integer.MAX_VALUE, "expr1[, expr2, ...]");
        return new Call(new RowHash(name, xxhash), args);
    }

    /**
     * {@code hash} or {@code xxhash64} of the argument columns: each row's hash starts at the seed and
     * every non-null argument value hashes into it in turn, so a null argument changes nothing.
     */
    record RowHash(String name, boolean xxhash) implements ScalarFunction {
        RowHash {
            requireNonNull(name, "name is null");
        }

        @Override
        public DataType returnType() {
            return xxhash ? BigintType.BIGINT : IntType.INT;
        }

        @Override
        public Vector evaluate(Vector[] args, int rowCount, EvalContext context) {
            long[] hashes = new long[rowCount];
            java.util.Arrays.fill(hashes, SEED);
            for (Vector arg : args) {
                hashColumn(arg, hashes, rowCount);
            }
            if (xxhash) {
                return new LongVector(BigintType.BIGINT, hashes, null, rowCount);
            }
            int[] result = new int[rowCount];
            for (int row = 0; row < rowCount; row++) {
                result[row] = (int) hashes[row];
            }
            return new IntVector(IntType.INT, result, null, rowCount);
        }

        private void hashColumn(Vector column, long[] hashes, int rowCount) {
            switch (column) {
                case IntVector v -> {
                    int[] values = v.values();
                    for (int row = 0; row < rowCount; row++) {
                        if (!v.isNull(row)) {
                            hashes[row] = hashInt(values[row], hashes[row]);
                        }
                    }
                }
                case LongVector v -> {
                    long[] values = v.values();
                    for (int row = 0; row < rowCount; row++) {
                        if (!v.isNull(row)) {
                            hashes[row] = hashLong(values[row], hashes[row]);
                        }
                    }
                }
                case DoubleVector v -> {
                    double[] values = v.values();
                    for (int row = 0; row < rowCount; row++) {
                        if (!v.isNull(row)) {
                            hashes[row] = hashLong(doubleBits(values[row]), hashes[row]);
                        }
                    }
                }
                case BooleanVector v -> {
                    boolean[] values = v.values();
                    for (int row = 0; row < rowCount; row++) {
                        if (!v.isNull(row)) {
                            hashes[row] = hashInt(values[row] ? 1 : 0, hashes[row]);
                        }
                    }
                }
                case StringVector v -> {
                    StringVector flat = v.flatten();
                    byte[] bytes = flat.bytes();
                    int[] offsets = flat.offsets();
                    for (int row = 0; row < rowCount; row++) {
                        if (!flat.isNull(row)) {
                            hashes[row] = hashBytes(bytes, offsets[row], offsets[row + 1] - offsets[row], hashes[row]);
                        }
                    }
                }
                case ObjectVector v -> {
                    for (int row = 0; row < rowCount; row++) {
                        hashes[row] = hashValue(v.get(row), v.type(), hashes[row]);
                    }
                }
            }
        }

        /** Hashes one internal value of {@code type} into {@code seed}; null leaves the seed unchanged. */
        long hashValue(Object value, DataType type, long seed) {
            return switch (value) {
                case null -> seed;
                case Boolean b -> hashInt(b ? 1 : 0, seed);
                case Integer i -> hashInt(i, seed);
                case Long l -> hashLong(l, seed);
                case Double d -> hashLong(doubleBits(d), seed);
                case String s -> {
                    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
                    yield hashBytes(bytes, 0, bytes.length, seed);
                }
                case BigDecimal d -> hashDecimal(d, (DecimalType) type, seed);
                case List<?> list -> {
                    DataType elementType = ((ArrayType) type).elementType();
                    long result = seed;
                    for (Object element : list) {
                        result = hashValue(element, elementType, result);
                    }
                    yield result;
                }
                case StructValue struct -> {
                    StructType structType = (StructType) type;
                    long result = seed;
                    for (int i = 0; i < structType.fields().size(); i++) {
                        result = hashValue(
                                struct.get(i), structType.fields().get(i).type(), result);
                    }
                    yield result;
                }
                default -> throw new IllegalArgumentException(name + " cannot hash " + value.getClass());
            };
        }

        private long hashDecimal(BigDecimal value, DecimalType type, long seed) {
            BigInteger unscaled = value.setScale(type.scale(), java.math.RoundingMode.UNNECESSARY)
                    .unscaledValue();
            if (type.precision() <= 18) {
                return hashLong(unscaled.longValueExact(), seed);
            }
            byte[] bytes = unscaled.toByteArray();
            return hashBytes(bytes, 0, bytes.length, seed);
        }

        private long hashInt(int value, long seed) {
            return xxhash ? HashXxHash64.hashInt(value, seed) : HashMurmur3.hashInt(value, (int) seed);
        }

        private long hashLong(long value, long seed) {
            return xxhash ? HashXxHash64.hashLong(value, seed) : HashMurmur3.hashLong(value, (int) seed);
        }

        private long hashBytes(byte[] bytes, int offset, int length, long seed) {
            return xxhash
                    ? HashXxHash64.hashBytes(bytes, offset, length, seed)
                    : HashMurmur3.hashBytes(bytes, offset, length, (int) seed);
        }

        /** -0.0 hashes as 0.0 and every NaN alike, since they compare equal in SQL. */
        private static long doubleBits(double value) {
            return Double.doubleToLongBits(value == 0.0 ? 0.0 : value);
        }
    }

    // ---------------------------------------------------------------- digests

    private static Expr bindDigest(String name, List<Expr> args, String algorithm) {
        checkArity(name, args, 1, 1, "expr");
        Expr arg = coerce(name, 1, args.get(0), StringType.STRING);
        return rowCall(
                name,
                StringType.STRING,
                List.of(arg, new Literal(algorithm, StringType.STRING)),
                (values, context) -> digest((String) values[0], (String) values[1]));
    }

    private static Expr bindSha2(List<Expr> args) {
        checkArity("sha2", args, 2, 2, "expr, bitLength");
        List<Expr> bound =
                List.of(coerce("sha2", 1, args.get(0), StringType.STRING), coerce("sha2", 2, args.get(1), IntType.INT));
        return rowCall("sha2", StringType.STRING, bound, (values, context) -> {
            String algorithm =
                    switch ((Integer) values[1]) {
                        case 0, 256 -> "SHA-256";
                        case 224 -> "SHA-224";
                        case 384 -> "SHA-384";
                        case 512 -> "SHA-512";
                        // Spark returns null for an unsupported bit length.
                        default -> null;
                    };
            return algorithm == null ? null : digest((String) values[0], algorithm);
        });
    }

    /** The lower-case hex digest of the value's UTF-8 bytes. */
    static String digest(String value, String algorithm) {
        try {
            MessageDigest digest = MessageDigest.getInstance(algorithm);
            return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks " + algorithm, e);
        }
    }

    private static Expr bindCrc32(List<Expr> args) {
        checkArity("crc32", args, 1, 1, "expr");
        Expr arg = coerce("crc32", 1, args.get(0), StringType.STRING);
        return rowCall("crc32", BigintType.BIGINT, List.of(arg), (values, context) -> {
            CRC32 crc = new CRC32();
            crc.update(((String) values[0]).getBytes(StandardCharsets.UTF_8));
            return crc.getValue();
        });
    }
}
