package io.freshet.exec.ops;

import io.freshet.data.Hashing;
import io.freshet.data.IntVector;
import io.freshet.data.LongVector;
import io.freshet.data.StringVector;
import io.freshet.data.Vector;
import io.freshet.types.DataType;
import io.freshet.types.DateType;
import io.freshet.types.IntType;
import io.freshet.types.StringType;
import java.util.Arrays;
import java.util.List;

/**
 * Dense codes {@code 0, 1, 2, …} for the distinct values of one key column (null included), in order of
 * first appearance, so that a grouping over two columns can combine the two codes into one {@code long}.
 * Integral columns use an open-addressing table over {@code long}s; string columns a {@link GroupTable},
 * looked up once per dictionary entry for dictionary-encoded batches. Single-threaded.
 */
final class ColumnCodes {
    private static final Vector[] NULL_STRING = {StringVector.of((String) null)};

    private final DataType type;
    private final boolean strings;
    private int count;

    // Integral columns: values by code, slots holding code + 1, and the code of null.
    private long[] values;
    private int[] slots;
    private int mask;
    private int nullCode = -1;

    // String columns.
    private final GroupTable table;
    private StringVector cachedDictionary;
    private int[] dictionaryCodes;

    ColumnCodes(DataType type) {
        this.type = type;
        this.strings = type instanceof StringType;
        if (strings) {
            table = new GroupTable(List.of(type));
        } else {
            table = null;
            values = new long[64];
            slots = new int[128];
            mask = slots.length - 1;
        }
    }

    /** Whether a column of this type can be coded: integral (incl. dates and timestamps) or string. */
    static boolean supports(DataType type) {
        return type instanceof StringType || GroupByHash.isLongBacked(type);
    }

    int count() {
        return strings ? table.groupCount() : count;
    }

    /** Writes the code of each row's value into {@code codes}, adding new values. */
    void encode(Vector column, int rowCount, int[] codes) {
        if (strings) {
            encodeStrings((StringVector) column, rowCount, codes);
            return;
        }
        boolean nulls = column.mayHaveNulls();
        if (column instanceof LongVector longs) {
            long[] data = longs.values();
            for (int i = 0; i < rowCount; i++) {
                codes[i] = nulls && column.isNull(i) ? nullCode() : codeOf(data[i]);
            }
        } else {
            int[] data = ((IntVector) column).values();
            for (int i = 0; i < rowCount; i++) {
                codes[i] = nulls && column.isNull(i) ? nullCode() : codeOf(data[i]);
            }
        }
    }

    private void encodeStrings(StringVector column, int rowCount, int[] codes) {
        boolean nulls = column.mayHaveNulls();
        int nullId = nulls ? table.findOrInsert(NULL_STRING, 0, KeyHashing.NULL_HASH) : -1;
        if (column.isDictionary() && column.dictionaryValues().size() <= 2 * rowCount + 1024) {
            StringVector dictionary = column.dictionaryValues();
            if (dictionary != cachedDictionary) {
                dictionaryCodes = new int[dictionary.size()];
                Arrays.fill(dictionaryCodes, -1);
                cachedDictionary = dictionary;
            }
            Vector[] entries = {dictionary};
            int[] ids = column.ids();
            int[] known = dictionaryCodes;
            for (int i = 0; i < rowCount; i++) {
                if (nulls && column.isNull(i)) {
                    codes[i] = nullId;
                    continue;
                }
                int id = ids[i];
                int code = known[id];
                if (code < 0) {
                    code = table.findOrInsert(entries, id, dictionary.hash(id));
                    known[id] = code;
                }
                codes[i] = code;
            }
            return;
        }
        Vector[] rows = {column};
        for (int i = 0; i < rowCount; i++) {
            codes[i] = nulls && column.isNull(i) ? nullId : table.findOrInsert(rows, i, column.hash(i));
        }
    }

    /** The values of the given codes, as a vector of the column's type. */
    Vector values(int[] codes, int size) {
        if (strings) {
            return table.keys()[0].select(codes, size);
        }
        long[] nulls = null;
        if (nullCode >= 0) {
            for (int i = 0; i < size; i++) {
                if (codes[i] == nullCode) {
                    if (nulls == null) {
                        nulls = io.freshet.data.Bits.allocate(size);
                    }
                    io.freshet.data.Bits.set(nulls, i);
                }
            }
        }
        if (type instanceof IntType || type instanceof DateType) {
            int[] result = new int[size];
            for (int i = 0; i < size; i++) {
                result[i] = (int) values[codes[i]];
            }
            return new IntVector(type, result, nulls, size);
        }
        long[] result = new long[size];
        for (int i = 0; i < size; i++) {
            result[i] = values[codes[i]];
        }
        return new LongVector(type, result, nulls, size);
    }

    /** The hash of a code's value, the same in every coding of the same type. */
    long hash(int code) {
        if (strings) {
            return table.groupHash(code);
        }
        return code == nullCode ? KeyHashing.NULL_HASH : Hashing.mix(values[code]);
    }

    long estimatedBytes() {
        return strings ? table.estimatedBytes() : values.length * 8L + slots.length * 4L;
    }

    private int nullCode() {
        if (nullCode < 0) {
            nullCode = newCode(0);
        }
        return nullCode;
    }

    private int codeOf(long value) {
        int slot = (int) Hashing.mix(value) & mask;
        while (true) {
            int entry = slots[slot];
            if (entry == 0) {
                int code = newCode(value);
                slots[slot] = code + 1;
                if (count * 2 > slots.length) {
                    rehash();
                }
                return code;
            }
            int code = entry - 1;
            if (values[code] == value && code != nullCode) {
                return code;
            }
            slot = (slot + 1) & mask;
        }
    }

    private int newCode(long value) {
        int code = count++;
        if (code == values.length) {
            values = Arrays.copyOf(values, code * 2);
        }
        values[code] = value;
        return code;
    }

    private void rehash() {
        slots = new int[slots.length * 2];
        mask = slots.length - 1;
        for (int code = 0; code < count; code++) {
            if (code == nullCode) {
                continue;
            }
            int slot = (int) Hashing.mix(values[code]) & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = code + 1;
        }
    }
}
