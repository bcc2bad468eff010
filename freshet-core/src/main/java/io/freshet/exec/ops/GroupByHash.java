package io.freshet.exec.ops;

import io.freshet.data.Bits;
import io.freshet.data.Hashing;
import io.freshet.data.IntVector;
import io.freshet.data.LongVector;
import io.freshet.data.StringVector;
import io.freshet.data.Vector;
import io.freshet.types.ArrayType;
import io.freshet.types.BigintType;
import io.freshet.types.BooleanType;
import io.freshet.types.DataType;
import io.freshet.types.DateType;
import io.freshet.types.DecimalType;
import io.freshet.types.DoubleType;
import io.freshet.types.IntType;
import io.freshet.types.IntervalType;
import io.freshet.types.NullType;
import io.freshet.types.StringType;
import io.freshet.types.StructType;
import io.freshet.types.TimestampType;
import java.util.Arrays;
import java.util.List;

/**
 * Assigns dense group ids to rows of group-key columns for a hash aggregation, with fast paths: one
 * integral key (an open-addressing table over {@code long}s), and one dictionary-encoded string key
 * (dictionary ids are mapped to group ids once per dictionary, then each row is one array load). No
 * keys means one group, 0. Null keys form their own group. Single-threaded. Public for the streaming
 * engine's stateful aggregation, which groups each micro-batch the same way.
 */
public final class GroupByHash {
    private static final Vector[] NULL_STRING = {StringVector.of((String) null)};

    private final List<DataType> keyTypes;
    private final boolean integralKey;
    // The two-column fast path: each column's values coded densely, the pair of codes packed in one long
    // and grouped by the integral path's table.
    private final ColumnCodes[] pairCodes;
    private int[] firstCodes = new int[0];
    private int[] secondCodes = new int[0];
    private final GroupTable table;
    private long[] hashes = new long[0];
    private int groupCount;

    // The integral fast path: keys by group, and slots holding group + 1.
    private long[] longKeys;
    private int[] longSlots;
    private int longMask;
    private int nullGroup = -1;

    // The dictionary fast path: group ids by dictionary id of the last dictionary seen.
    private StringVector cachedDictionary;
    private int[] dictionaryGroups;

    public GroupByHash(List<DataType> keyTypes) {
        this.keyTypes = List.copyOf(keyTypes);
        this.integralKey = keyTypes.size() == 1 && isLongBacked(keyTypes.get(0));
        boolean pair =
                keyTypes.size() == 2 && ColumnCodes.supports(keyTypes.get(0)) && ColumnCodes.supports(keyTypes.get(1));
        this.pairCodes =
                pair ? new ColumnCodes[] {new ColumnCodes(keyTypes.get(0)), new ColumnCodes(keyTypes.get(1))} : null;
        if (pair) {
            table = null;
            longKeys = new long[64];
            longSlots = new int[128];
            longMask = longSlots.length - 1;
        } else if (keyTypes.isEmpty()) {
            groupCount = 1;
            table = null;
        } else if (integralKey) {
            table = null;
            longKeys = new long[64];
            longSlots = new int[128];
            longMask = longSlots.length - 1;
        } else {
            table = new GroupTable(keyTypes);
        }
    }

    static boolean isLongBacked(DataType type) {
        return switch (type) {
            case BigintType t -> true;
            case IntType t -> true;
            case DateType t -> true;
            case TimestampType t -> true;
            case IntervalType t -> true;
            case NullType t -> false;
            case BooleanType t -> false;
            case DoubleType t -> false;
            case DecimalType t -> false;
            case StringType t -> false;
            case StructType t -> false;
            case ArrayType t -> false;
        };
    }

    public int groupCount() {
        return table != null ? table.groupCount() : groupCount;
    }

    /** The hash of a group's key, the same in every table over the same key types (for partitioning). */
    long groupHash(int group) {
        if (keyTypes.isEmpty()) {
            return 0;
        }
        if (integralKey) {
            return group == nullGroup ? KeyHashing.NULL_HASH : Hashing.mix(longKeys[group]);
        }
        if (pairCodes != null) {
            long key = longKeys[group];
            return Hashing.combine(pairCodes[0].hash((int) (key >>> 32)), pairCodes[1].hash((int) key));
        }
        return table.groupHash(group);
    }

    /** Writes the group of each row {@code 0..rowCount)} into {@code groupIds}, adding new groups. */
    public void assign(Vector[] keys, int rowCount, int[] groupIds) {
        if (keyTypes.isEmpty()) {
            Arrays.fill(groupIds, 0, rowCount, 0);
        } else if (integralKey) {
            assignIntegral(keys[0], rowCount, groupIds);
        } else if (pairCodes != null) {
            assignPair(keys, rowCount, groupIds);
        } else if (keys.length == 1 && keys[0] instanceof StringVector strings && strings.isDictionary()) {
            assignDictionary(strings, rowCount, groupIds);
        } else {
            assignGeneric(keys, rowCount, groupIds);
        }
    }

    private void assignGeneric(Vector[] keys, int rowCount, int[] groupIds) {
        if (hashes.length < rowCount) {
            hashes = new long[rowCount];
        }
        KeyHashing.hashRows(keys, rowCount, hashes);
        table.findOrInsert(keys, rowCount, hashes, groupIds);
    }

    private void assignDictionary(StringVector strings, int rowCount, int[] groupIds) {
        StringVector dictionary = strings.dictionaryValues();
        if (dictionary != cachedDictionary) {
            if (dictionary.size() > 2 * rowCount + 1024) {
                // A dictionary much larger than the batch: looking rows up one by one is cheaper.
                assignGeneric(new Vector[] {strings}, rowCount, groupIds);
                return;
            }
            // Entries become groups only when a row uses them: a batch selected from a larger one (after a
            // filter or a repartition) keeps the whole dictionary, and unused entries must not appear as
            // empty groups.
            int[] groups = new int[dictionary.size()];
            java.util.Arrays.fill(groups, -1);
            dictionaryGroups = groups;
            cachedDictionary = dictionary;
        }
        int[] ids = strings.ids();
        int[] groups = dictionaryGroups;
        boolean nulls = strings.mayHaveNulls();
        int nullId = nulls ? table.findOrInsert(NULL_STRING, 0, KeyHashing.NULL_HASH) : -1;
        Vector[] dictionaryKeys = {dictionary};
        for (int i = 0; i < rowCount; i++) {
            if (nulls && strings.isNull(i)) {
                groupIds[i] = nullId;
                continue;
            }
            int id = ids[i];
            int group = groups[id];
            if (group < 0) {
                group = table.findOrInsert(dictionaryKeys, id, dictionary.hash(id));
                groups[id] = group;
            }
            groupIds[i] = group;
        }
    }

    private void assignIntegral(Vector keys, int rowCount, int[] groupIds) {
        boolean nulls = keys.mayHaveNulls();
        if (keys instanceof LongVector longs) {
            long[] values = longs.values();
            for (int i = 0; i < rowCount; i++) {
                groupIds[i] = nulls && keys.isNull(i) ? nullGroup() : findOrInsertLong(values[i]);
            }
        } else {
            int[] values = ((IntVector) keys).values();
            for (int i = 0; i < rowCount; i++) {
                groupIds[i] = nulls && keys.isNull(i) ? nullGroup() : findOrInsertLong(values[i]);
            }
        }
    }

    private void assignPair(Vector[] keys, int rowCount, int[] groupIds) {
        if (firstCodes.length < rowCount) {
            firstCodes = new int[rowCount];
            secondCodes = new int[rowCount];
        }
        pairCodes[0].encode(keys[0], rowCount, firstCodes);
        pairCodes[1].encode(keys[1], rowCount, secondCodes);
        int[] first = firstCodes;
        int[] second = secondCodes;
        for (int i = 0; i < rowCount; i++) {
            groupIds[i] = findOrInsertLong(((long) first[i] << 32) | (second[i] & 0xffffffffL));
        }
    }

    private int nullGroup() {
        if (nullGroup < 0) {
            nullGroup = newLongGroup(0);
        }
        return nullGroup;
    }

    private int findOrInsertLong(long key) {
        int slot = (int) Hashing.mix(key) & longMask;
        while (true) {
            int entry = longSlots[slot];
            if (entry == 0) {
                int group = newLongGroup(key);
                longSlots[slot] = group + 1;
                if (groupCount * 2 > longSlots.length) {
                    rehashLongs();
                }
                return group;
            }
            int group = entry - 1;
            if (longKeys[group] == key && group != nullGroup) {
                return group;
            }
            slot = (slot + 1) & longMask;
        }
    }

    private int newLongGroup(long key) {
        int group = groupCount++;
        if (group == longKeys.length) {
            longKeys = Arrays.copyOf(longKeys, group * 2);
        }
        longKeys[group] = key;
        return group;
    }

    private void rehashLongs() {
        longSlots = new int[longSlots.length * 2];
        longMask = longSlots.length - 1;
        for (int group = 0; group < groupCount; group++) {
            if (group == nullGroup) {
                continue;
            }
            int slot = (int) Hashing.mix(longKeys[group]) & longMask;
            while (longSlots[slot] != 0) {
                slot = (slot + 1) & longMask;
            }
            longSlots[slot] = group + 1;
        }
    }

    /** The keys of all groups, one vector per key column, indexed by group id. */
    public Vector[] keys() {
        if (keyTypes.isEmpty()) {
            return new Vector[0];
        }
        if (pairCodes != null) {
            int[] first = new int[groupCount];
            int[] second = new int[groupCount];
            for (int g = 0; g < groupCount; g++) {
                first[g] = (int) (longKeys[g] >>> 32);
                second[g] = (int) longKeys[g];
            }
            return new Vector[] {pairCodes[0].values(first, groupCount), pairCodes[1].values(second, groupCount)};
        }
        if (!integralKey) {
            return table.keys();
        }
        long[] nulls = null;
        if (nullGroup >= 0) {
            nulls = Bits.allocate(groupCount);
            Bits.set(nulls, nullGroup);
        }
        DataType type = keyTypes.get(0);
        if (type instanceof IntType || type instanceof DateType) {
            int[] values = new int[groupCount];
            for (int g = 0; g < groupCount; g++) {
                values[g] = (int) longKeys[g];
            }
            return new Vector[] {new IntVector(type, values, nulls, groupCount)};
        }
        return new Vector[] {new LongVector(type, Arrays.copyOf(longKeys, groupCount), nulls, groupCount)};
    }

    public long estimatedBytes() {
        if (table != null) {
            return table.estimatedBytes()
                    + hashes.length * 8L
                    + (dictionaryGroups == null ? 0 : dictionaryGroups.length * 4L);
        }
        long bytes = longKeys == null ? 0 : longKeys.length * 8L + longSlots.length * 4L;
        if (pairCodes != null) {
            bytes += pairCodes[0].estimatedBytes() + pairCodes[1].estimatedBytes() + firstCodes.length * 8L;
        }
        return bytes;
    }
}
