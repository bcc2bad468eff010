package io.freshet.stream.exec;

import io.freshet.data.Batch;
import io.freshet.data.Vector;
import io.freshet.data.VectorBuilder;
import io.freshet.data.Vectors;
import io.freshet.stream.exec.StreamJoinRouter.SideRows;
import io.freshet.types.DataType;
import io.freshet.types.Schema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One side of a stream-stream join in one partition's micro-batch: its new rows ordered by join key, the
 * state rows read for those keys, and the decoded state rows that new rows of the other side meet.
 */
final class JoinSide {
    final byte tag;
    final SideRows fresh;
    final Schema schema;
    final RowCodec codec;
    int[] keyIds;
    /** New rows of key id {@code k}: {@code order[starts[k] .. starts[k + 1])}. */
    int[] starts;

    int[] order;
    /** The state rows of each key id, and where the decoded ones start among the rows pairs refer to. */
    List<byte[]>[] stored;

    int[] decodedAt;
    VectorBuilder[] decoded;
    int decodedCount;
    /** New rows that can match nothing more and found no match (emitted at once by an outer side). */
    int[] unmatched = new int[0];

    int unmatchedCount;

    JoinSide(byte tag, SideRows fresh, Schema schema) {
        this.tag = tag;
        this.fresh = fresh;
        this.schema = schema;
        this.codec = new RowCodec(typesOf(schema));
    }

    int freshCount() {
        return fresh.rows().rowCount();
    }

    void addUnmatched(int row) {
        if (unmatchedCount == unmatched.length) {
            unmatched = Arrays.copyOf(unmatched, Math.max(16, unmatchedCount * 2));
        }
        unmatched[unmatchedCount++] = row;
    }

    /** Numbers the join keys of the new rows and orders the rows by key. */
    void index(JoinKeyIndex keys) {
        int count = freshCount();
        keyIds = new int[count];
        for (int i = 0; i < count; i++) {
            byte[] key = fresh.keys()[i];
            keyIds[i] = key == null ? -1 : keys.idOf(key, fresh.keyGroups()[i]);
        }
    }

    void orderByKey(int keyCount) {
        starts = new int[keyCount + 1];
        for (int id : keyIds) {
            if (id >= 0) {
                starts[id + 1]++;
            }
        }
        for (int k = 0; k < keyCount; k++) {
            starts[k + 1] += starts[k];
        }
        int[] fill = Arrays.copyOf(starts, keyCount);
        order = new int[starts[keyCount]];
        for (int i = 0; i < keyIds.length; i++) {
            if (keyIds[i] >= 0) {
                order[fill[keyIds[i]]++] = i;
            }
        }
        stored = newLists(keyCount);
        decodedAt = new int[keyCount];
        Arrays.fill(decodedAt, -1);
        decoded = builders(schema);
    }

    boolean hasFresh(int id) {
        return starts[id + 1] > starts[id];
    }

    /** Decodes the state rows of a key, which new rows of the other side will meet. */
    void decode(int id) {
        decodedAt[id] = freshCount() + decodedCount;
        for (byte[] value : stored[id]) {
            codec.decode(JoinStateRows.row(value), decoded);
        }
        decodedCount += stored[id].size();
    }

    /** The rows pairs refer to: the new rows, then the decoded state rows. */
    Batch rows() {
        if (decodedCount == 0) {
            return fresh.rows();
        }
        Vector[] columns = new Vector[schema.size()];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = Vectors.concat(schema.type(c), List.of(fresh.rows().column(c), decoded[c].build()));
        }
        return new Batch(columns, freshCount() + decodedCount);
    }

    static List<DataType> typesOf(Schema schema) {
        List<DataType> types = new ArrayList<>(schema.size());
        for (int c = 0; c < schema.size(); c++) {
            types.add(schema.type(c));
        }
        return types;
    }

    static VectorBuilder[] builders(Schema schema) {
        VectorBuilder[] builders = new VectorBuilder[schema.size()];
        for (int c = 0; c < builders.length; c++) {
            builders[c] = VectorBuilder.forType(schema.type(c), 16);
        }
        return builders;
    }

    @SuppressWarnings("unchecked")
    static List<byte[]>[] newLists(int count) {
        return (List<byte[]>[]) new List<?>[count];
    }
}
