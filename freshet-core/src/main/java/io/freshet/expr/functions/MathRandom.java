package io.freshet.expr.functions;

import io.freshet.data.DoubleVector;
import io.freshet.data.Vector;
import io.freshet.expr.EvalContext;
import io.freshet.expr.ScalarFunction;
import io.freshet.types.DataType;
import io.freshet.types.DoubleType;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code rand([seed])}: uniform doubles in [0, 1) from Spark's XOR-shift generator, so that the
 * first stream (seed + 0) reproduces Spark's values for partition 0. Each thread that evaluates the
 * function gets its own stream, seeded with {@code seed + n} for the n-th thread, as Spark seeds
 * one stream per partition. Not deterministic, hence compared by identity.
 */
final class MathRandom implements ScalarFunction {
    private final String name;
    private final long seed;
    private final AtomicLong streams = new AtomicLong();
    private final ThreadLocal<long[]> state = ThreadLocal.withInitial(this::newStream);

    MathRandom(String name, long seed) {
        this.name = name;
        this.seed = seed;
    }

    private long[] newStream() {
        return new long[] {hashSeed(seed + streams.getAndIncrement())};
    }

    long seed() {
        return seed;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public DataType returnType() {
        return DoubleType.DOUBLE;
    }

    @Override
    public boolean deterministic() {
        return false;
    }

    @Override
    public Vector evaluate(Vector[] args, int rowCount, EvalContext context) {
        long[] generator = state.get();
        double[] result = new double[rowCount];
        for (int row = 0; row < rowCount; row++) {
            result[row] = nextDouble(generator);
        }
        return new DoubleVector(DoubleType.DOUBLE, result, null, rowCount);
    }

    /** The next double of the stream, as {@code java.util.Random.nextDouble} builds it from 26 + 27 bits. */
    static double nextDouble(long[] generator) {
        long high = next(generator, 26);
        long low = next(generator, 27);
        return ((high << 27) + low) * 0x1.0p-53;
    }

    private static int next(long[] generator, int bits) {
        long nextSeed = generator[0] ^ (generator[0] << 21);
        nextSeed ^= nextSeed >>> 35;
        nextSeed ^= nextSeed << 4;
        generator[0] = nextSeed;
        return (int) (nextSeed & ((1L << bits) - 1));
    }

    /** Spreads the seed's bits as Spark's XORShiftRandom does: two Murmur3 hashes of its big-endian bytes. */
    static long hashSeed(long seed) {
        byte[] bytes = new byte[8];
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (seed >>> (56 - 8 * i));
        }
        int low = HashMurmur3.hashBytesStandard(bytes, 0x3c074a61);
        int high = HashMurmur3.hashBytesStandard(bytes, low);
        return ((long) high << 32) | (low & 0xFFFFFFFFL);
    }

    @Override
    public String format(java.util.List<String> args) {
        return name + "(" + seed + ")";
    }
}
