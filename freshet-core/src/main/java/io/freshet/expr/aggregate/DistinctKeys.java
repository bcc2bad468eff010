package io.freshet.expr.aggregate;

import io.freshet.data.BooleanVector;
import io.freshet.data.DoubleVector;
import io.freshet.data.Hashing;
import io.freshet.data.IntVector;
import io.freshet.data.LongVector;
import io.freshet.data.StringVector;
import io.freshet.data.Vector;
import io.freshet.data.VectorBuilder;
import io.freshet.types.DataType;
import io.freshet.types.StringType;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The distinct keys (one or more argument values) seen per group, exactly. One column of a type
 * that fits a long (int, bigint, date, timestamp, interval, double, boolean) goes into a {@link
 * LongKeySet}; one string column keeps its UTF-8 bytes in a {@link BytesKeySet}; anything else is
 * encoded by a {@link KeyCodec} into a {@link BytesKeySet}. A null single-column key is a flag per
 * group.
 */
final class DistinctKeys {
    private enum Layout {
        LONG,
        STRING,
        ENCODED
    }

    private final List<DataType> keyTypes;
    private final boolean skipNullRows;
    private final Layout layout;
    private final LongKeySet longKeys;
    private final BytesKeySet byteKeys;
    private final KeyCodec codec;
    private boolean[] nullSeen = new boolean[0];

    /**
     * @param skipNullRows whether rows with a null in any key column are left out (as {@code count}
     *     does) rather than kept as keys
     */
    DistinctKeys(List<DataType> keyTypes, boolean skipNullRows) {
        this.keyTypes = List.copyOf(keyTypes);
        this.skipNullRows = skipNullRows;
        if (keyTypes.size() == 1 && KeyCodec.isLongKey(keyTypes.get(0))) {
            layout = Layout.LONG;
        } else if (keyTypes.size() == 1 && keyTypes.get(0) instanceof StringType) {
            layout = Layout.STRING;
        } else {
            layout = Layout.ENCODED;
        }
        longKeys = layout == Layout.LONG ? new LongKeySet() : null;
        byteKeys = layout == Layout.LONG ? null : new BytesKeySet();
        codec = layout == Layout.ENCODED ? new KeyCodec(keyTypes) : null;
    }

    List<DataType> keyTypes() {
        return keyTypes;
    }

    void ensureGroups(int groupCount) {
        nullSeen = GroupArrays.grow(nullSeen, groupCount);
        if (longKeys != null) {
            longKeys.ensureGroups(groupCount);
        } else {
            byteKeys.ensureGroups(groupCount);
        }
    }

    /** The number of distinct keys of a group (a null key counts when null rows are kept). */
    int size(int group) {
        int size = longKeys != null ? longKeys.size(group) : byteKeys.size(group);
        return nullSeen[group] ? size + 1 : size;
    }

    /**
     * Adds the keys of rows {@code 0..rowCount)}; when {@code newPositions} is not null, writes to it
     * the positions of the rows whose key was new to their group. Returns the number of new keys.
     */
    int insert(int[] groupIds, Vector[] keys, int rowCount, int[] newPositions) {
        if (layout == Layout.LONG && newPositions == null && keys[0] instanceof LongVector v && !v.mayHaveNulls()) {
            // The count(DISTINCT bigint) loop: nothing but probes.
            return longKeys.addAll(groupIds, v.values(), rowCount);
        }
        return switch (layout) {
            case LONG -> insertLongs(groupIds, keys[0], rowCount, newPositions);
            case STRING -> insertStrings(groupIds, (StringVector) keys[0], rowCount, newPositions);
            case ENCODED -> insertEncoded(groupIds, keys, rowCount, newPositions);
        };
    }

    private int insertLongs(int[] groupIds, Vector vector, int rowCount, int[] newPositions) {
        long[] nulls = vector.nulls();
        int added = 0;
        for (int i = 0; i < rowCount; i++) {
            int g = groupIds[i];
            boolean isNew;
            if (nulls != null && GroupArrays.isNull(nulls, i)) {
                if (skipNullRows || nullSeen[g]) {
                    continue;
                }
                nullSeen[g] = true;
                isNew = true;
            } else {
                isNew = longKeys.add(g, longKey(vector, i));
            }
            if (isNew) {
                if (newPositions != null) {
                    newPositions[added] = i;
                }
                added++;
            }
        }
        return added;
    }

    private static long longKey(Vector vector, int position) {
        return switch (vector) {
            case LongVector v -> v.values()[position];
            case IntVector v -> v.values()[position];
            case DoubleVector v -> KeyCodec.doubleKey(v.values()[position]);
            case BooleanVector v -> v.values()[position] ? 1 : 0;
            default -> throw new IllegalArgumentException("not a long key vector: " + vector);
        };
    }

    private int insertStrings(int[] groupIds, StringVector vector, int rowCount, int[] newPositions) {
        long[] nulls = vector.nulls();
        StringVector flat = vector.isDictionary() ? vector.dictionaryValues() : vector;
        int[] ids = vector.ids();
        byte[] bytes = flat.bytes();
        int[] offsets = flat.offsets();
        int added = 0;
        for (int i = 0; i < rowCount; i++) {
            int g = groupIds[i];
            boolean isNew;
            if (nulls != null && GroupArrays.isNull(nulls, i)) {
                if (skipNullRows || nullSeen[g]) {
                    continue;
                }
                nullSeen[g] = true;
                isNew = true;
            } else {
                int p = ids == null ? i : ids[i];
                int start = offsets[p];
                int length = offsets[p + 1] - start;
                isNew = byteKeys.add(g, bytes, start, length, Hashing.hashBytes(bytes, start, length));
            }
            if (isNew) {
                if (newPositions != null) {
                    newPositions[added] = i;
                }
                added++;
            }
        }
        return added;
    }

    private int insertEncoded(int[] groupIds, Vector[] keys, int rowCount, int[] newPositions) {
        int added = 0;
        for (int i = 0; i < rowCount; i++) {
            if (skipNullRows && anyNull(keys, i)) {
                continue;
            }
            codec.encode(keys, i);
            byte[] buffer = codec.buffer();
            int length = codec.length();
            if (byteKeys.add(groupIds[i], buffer, 0, length, Hashing.hashBytes(buffer, 0, length))) {
                if (newPositions != null) {
                    newPositions[added] = i;
                }
                added++;
            }
        }
        return added;
    }

    private boolean anyNull(Vector[] keys, int position) {
        for (int k = 0; k < keyTypes.size(); k++) {
            if (keys[k].isNull(position)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Adds another set's keys, group {@code g} going to {@code groupMapping[g]}; when {@code sink} is
     * not null, each key new to its target group is appended to it.
     */
    void merge(DistinctKeys other, int[] groupMapping, int otherGroupCount, NewKeys sink) {
        ensureGroups(GroupArrays.mappedGroupCount(groupMapping, otherGroupCount));
        if (longKeys != null) {
            LongKeySet source = other.longKeys;
            DataType type = keyTypes.get(0);
            for (int slot = 0; slot < source.slotCount(); slot++) {
                int g = source.groupAt(slot);
                if (g < 0 || g >= otherGroupCount) {
                    continue;
                }
                long key = source.keyAt(slot);
                if (longKeys.add(groupMapping[g], key) && sink != null) {
                    sink.add(groupMapping[g], KeyCodec.fromLongKey(type, key));
                }
            }
        } else {
            BytesKeySet source = other.byteKeys;
            byte[] bytes = source.bytes();
            for (int entry = 0; entry < source.entryCount(); entry++) {
                int g = source.groupOf(entry);
                if (g < 0 || g >= otherGroupCount) {
                    continue;
                }
                int offset = source.offsetOf(entry);
                int length = source.lengthOf(entry);
                long hash = Hashing.hashBytes(bytes, offset, length);
                if (byteKeys.add(groupMapping[g], bytes, offset, length, hash) && sink != null) {
                    addDecoded(sink, groupMapping[g], bytes, offset, length);
                }
            }
        }
        for (int g = 0; g < otherGroupCount; g++) {
            int target = groupMapping[g];
            if (other.nullSeen[g] && !nullSeen[target]) {
                nullSeen[target] = true;
                if (sink != null) {
                    sink.add(target, (Object) null);
                }
            }
        }
    }

    private void addDecoded(NewKeys sink, int group, byte[] bytes, int offset, int length) {
        if (layout == Layout.STRING) {
            sink.add(group, new String(bytes, offset, length, StandardCharsets.UTF_8));
        } else {
            sink.add(group, codec.decode(bytes, offset));
        }
    }

    /** Writes the keys of one group. */
    void writeGroup(int group, DataOutput out) throws IOException {
        out.writeBoolean(nullSeen[group]);
        if (longKeys != null) {
            out.writeInt(longKeys.size(group));
            for (int s = longKeys.firstOf(group); s != 0; s = longKeys.nextOf(s - 1)) {
                out.writeLong(longKeys.keyAt(s - 1));
            }
            return;
        }
        out.writeInt(byteKeys.size(group));
        byte[] bytes = byteKeys.bytes();
        for (int e = byteKeys.firstOf(group); e != 0; e = byteKeys.nextOf(e - 1)) {
            out.writeInt(byteKeys.lengthOf(e - 1));
            out.write(bytes, byteKeys.offsetOf(e - 1), byteKeys.lengthOf(e - 1));
        }
    }

    /** Replaces the keys of one group with keys written by {@link #writeGroup}. */
    void readGroup(int group, DataInput in) throws IOException {
        nullSeen[group] = in.readBoolean();
        int size = in.readInt();
        if (longKeys != null) {
            longKeys.clearGroup(group);
            for (int i = 0; i < size; i++) {
                longKeys.add(group, in.readLong());
            }
            return;
        }
        byteKeys.clearGroup(group);
        byte[] buffer = new byte[64];
        for (int i = 0; i < size; i++) {
            int length = in.readInt();
            if (length > buffer.length) {
                buffer = new byte[Math.max(length, buffer.length * 2)];
            }
            in.readFully(buffer, 0, length);
            byteKeys.add(group, buffer, 0, length, Hashing.hashBytes(buffer, 0, length));
        }
    }

    long estimatedBytes() {
        return nullSeen.length + (longKeys != null ? longKeys.estimatedBytes() : byteKeys.estimatedBytes());
    }

    /** Keys collected during a merge, with their groups, to be fed to an accumulator as vectors. */
    static final class NewKeys {
        private final VectorBuilder[] builders;
        private int[] groups = new int[64];
        private int count;

        NewKeys(List<DataType> keyTypes) {
            builders = new VectorBuilder[keyTypes.size()];
            for (int k = 0; k < builders.length; k++) {
                builders[k] = VectorBuilder.forType(keyTypes.get(k), 64);
            }
        }

        void add(int group, Object... values) {
            if (count == groups.length) {
                groups = Arrays.copyOf(groups, count * 2);
            }
            groups[count++] = group;
            for (int k = 0; k < builders.length; k++) {
                builders[k].append(values == null ? null : values[k]);
            }
        }

        int count() {
            return count;
        }

        int[] groups() {
            return groups;
        }

        Vector[] build() {
            Vector[] vectors = new Vector[builders.length];
            for (int k = 0; k < builders.length; k++) {
                vectors[k] = builders[k].build();
            }
            return vectors;
        }
    }
}
