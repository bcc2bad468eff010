package io.freshet.expr.aggregate;

import io.freshet.data.BooleanVector;
import io.freshet.data.DoubleVector;
import io.freshet.data.Hashing;
import io.freshet.data.IntVector;
import io.freshet.data.LongVector;
import io.freshet.data.StringVector;
import io.freshet.data.Vector;
import io.freshet.types.BigintType;
import io.freshet.types.DataType;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * HyperLogLog sketches, one per group, over 64-bit hashes: {@code 2^p} one-byte registers per group
 * in pages of a shared slab (so a group costs {@code 2^p} bytes and no object). The estimate is
 * Ertl's improved raw estimator ("New cardinality estimation algorithms for HyperLogLog sketches",
 * 2017), which corrects the small- and large-range bias of the classic formula without the empirical
 * bias tables of HLL++; with 64-bit hashes there is no large-range correction to make.
 */
final class HyperLogLogAccumulator implements GroupedAccumulator {
    /** Separates these hashes from the ones hash aggregation uses to partition the same values. */
    private static final long SEED = 0x2545F4914F6CDD1DL;

    private static final int PAGE_BYTES_LOG = 20;
    private static final double ALPHA_INFINITY = 1.0 / (2.0 * Math.log(2.0));

    private final DataType inputType;
    private final int precision;
    private final int registerCount;
    /** Registers of group g: {@code pages[g >>> pageShift]} from {@code (g & pageMask) << precision}. */
    private final int pageShift;

    private final int pageMask;
    private byte[][] pages = new byte[0][];
    private KeyCodec codec;

    HyperLogLogAccumulator(DataType inputType, int precision) {
        this.inputType = inputType;
        this.precision = precision;
        this.registerCount = 1 << precision;
        this.pageShift = Math.max(0, PAGE_BYTES_LOG - precision);
        this.pageMask = (1 << pageShift) - 1;
    }

    @Override
    public void ensureCapacity(int groupCount) {
        if (groupCount == 0) {
            return;
        }
        int pageCount = ((groupCount - 1) >>> pageShift) + 1;
        if (pages.length < pageCount) {
            pages = Arrays.copyOf(pages, pageCount);
        }
        int fullPageBytes = (pageMask + 1) << precision;
        for (int p = 0; p < pageCount; p++) {
            int groupsInPage = p < pageCount - 1 ? pageMask + 1 : groupCount - (p << pageShift);
            int needed = groupsInPage << precision;
            byte[] page = pages[p];
            if (page == null) {
                pages[p] = new byte[needed];
            } else if (page.length < needed) {
                int length = (int) Math.min(fullPageBytes, Math.max(needed, 2L * page.length));
                pages[p] = Arrays.copyOf(page, length);
            }
        }
    }

    @Override
    public void add(int[] groupIds, Vector[] args, int rowCount) {
        Vector vector = args[0];
        long[] nulls = vector.nulls();
        switch (vector) {
            case LongVector v -> {
                long[] values = v.values();
                for (int i = 0; i < rowCount; i++) {
                    if (nulls == null || !GroupArrays.isNull(nulls, i)) {
                        offer(groupIds[i], Hashing.mix(values[i] ^ SEED));
                    }
                }
            }
            case IntVector v -> {
                int[] values = v.values();
                for (int i = 0; i < rowCount; i++) {
                    if (nulls == null || !GroupArrays.isNull(nulls, i)) {
                        offer(groupIds[i], Hashing.mix(values[i] ^ SEED));
                    }
                }
            }
            case DoubleVector v -> {
                double[] values = v.values();
                for (int i = 0; i < rowCount; i++) {
                    if (nulls == null || !GroupArrays.isNull(nulls, i)) {
                        offer(groupIds[i], Hashing.mix(KeyCodec.doubleKey(values[i]) ^ SEED));
                    }
                }
            }
            case BooleanVector v -> {
                boolean[] values = v.values();
                for (int i = 0; i < rowCount; i++) {
                    if (nulls == null || !GroupArrays.isNull(nulls, i)) {
                        offer(groupIds[i], Hashing.mix((values[i] ? 1 : 0) ^ SEED));
                    }
                }
            }
            case StringVector v -> {
                for (int i = 0; i < rowCount; i++) {
                    if (nulls == null || !GroupArrays.isNull(nulls, i)) {
                        offer(groupIds[i], Hashing.mix(v.hash(i) ^ SEED));
                    }
                }
            }
            default -> addEncoded(groupIds, vector, nulls, rowCount);
        }
    }

    private void addEncoded(int[] groupIds, Vector vector, long[] nulls, int rowCount) {
        if (codec == null) {
            codec = new KeyCodec(List.of(inputType));
        }
        Vector[] keys = {vector};
        for (int i = 0; i < rowCount; i++) {
            if (nulls == null || !GroupArrays.isNull(nulls, i)) {
                codec.encode(keys, i);
                offer(groupIds[i], Hashing.mix(Hashing.hashBytes(codec.buffer(), 0, codec.length()) ^ SEED));
            }
        }
    }

    /** Updates a group's register for one hash: the top bits pick the register, the rest give the rank. */
    private void offer(int group, long hash) {
        int index = (int) (hash >>> (64 - precision));
        // The sentinel bit caps the rank at 64 - p + 1 when all remaining bits are zero.
        int rank = Long.numberOfLeadingZeros((hash << precision) | (1L << (precision - 1))) + 1;
        byte[] page = pages[group >>> pageShift];
        int position = ((group & pageMask) << precision) + index;
        if (rank > page[position]) {
            page[position] = (byte) rank;
        }
    }

    @Override
    public void merge(GroupedAccumulator other, int[] groupMapping, int otherGroupCount) {
        HyperLogLogAccumulator that = (HyperLogLogAccumulator) other;
        ensureCapacity(GroupArrays.mappedGroupCount(groupMapping, otherGroupCount));
        for (int g = 0; g < otherGroupCount; g++) {
            byte[] source = that.pages[g >>> pageShift];
            int sourceStart = (g & pageMask) << precision;
            int target = groupMapping[g];
            byte[] page = pages[target >>> pageShift];
            int start = (target & pageMask) << precision;
            for (int r = 0; r < registerCount; r++) {
                if (source[sourceStart + r] > page[start + r]) {
                    page[start + r] = source[sourceStart + r];
                }
            }
        }
    }

    @Override
    public Vector result(int groupCount) {
        long[] estimates = new long[groupCount];
        int[] histogram = new int[66 - precision];
        for (int g = 0; g < groupCount; g++) {
            estimates[g] = estimate(g, histogram);
        }
        return new LongVector(BigintType.BIGINT, estimates, null, groupCount);
    }

    private long estimate(int group, int[] histogram) {
        Arrays.fill(histogram, 0);
        byte[] page = pages[group >>> pageShift];
        int start = (group & pageMask) << precision;
        for (int r = 0; r < registerCount; r++) {
            histogram[page[start + r]]++;
        }
        if (histogram[0] == registerCount) {
            return 0;
        }
        int q = 64 - precision;
        double m = registerCount;
        double z = m * tau(1.0 - histogram[q + 1] / m);
        for (int k = q; k >= 1; k--) {
            z = 0.5 * (z + histogram[k]);
        }
        z += m * sigma(histogram[0] / m);
        return Math.round(ALPHA_INFINITY * m * m / z);
    }

    private static double sigma(double x) {
        if (x == 1.0) {
            return Double.POSITIVE_INFINITY;
        }
        double y = 1.0;
        double z = x;
        double previous;
        do {
            x *= x;
            previous = z;
            z += x * y;
            y += y;
        } while (z != previous);
        return z;
    }

    private static double tau(double x) {
        if (x == 0.0 || x == 1.0) {
            return 0.0;
        }
        double y = 1.0;
        double z = 1.0 - x;
        double previous;
        do {
            x = Math.sqrt(x);
            previous = z;
            y *= 0.5;
            z -= (1.0 - x) * (1.0 - x) * y;
        } while (z != previous);
        return z / 3.0;
    }

    @Override
    public long estimatedBytes() {
        long bytes = 0;
        for (byte[] page : pages) {
            bytes += page == null ? 0 : page.length;
        }
        return bytes;
    }

    @Override
    public void writeState(int group, DataOutput out) throws IOException {
        out.write(pages[group >>> pageShift], (group & pageMask) << precision, registerCount);
    }

    @Override
    public void readState(int group, DataInput in) throws IOException {
        in.readFully(pages[group >>> pageShift], (group & pageMask) << precision, registerCount);
    }
}
