package io.freshet.stream;

import io.freshet.catalog.BatchScan;
import io.freshet.catalog.TableSource;
import io.freshet.connector.memory.MemoryTableSource;
import io.freshet.data.Batch;
import io.freshet.data.VectorBuilder;
import io.freshet.expr.Expr;
import io.freshet.stream.source.Offset;
import io.freshet.stream.source.StreamSource;
import io.freshet.stream.source.StreamSourceContext;
import io.freshet.stream.source.StreamableTable;
import io.freshet.types.Schema;
import java.util.ArrayList;
import java.util.List;

/** A stream of row batches added by a test; offsets count the batches added. */
final class TestStream implements TableSource, StreamableTable {
    private final Schema schema;
    private final List<Batch> batches = new ArrayList<>();

    TestStream(Schema schema) {
        this.schema = schema;
    }

    /** Adds rows (internal values) as one batch. */
    synchronized void add(List<Object[]> rows) {
        VectorBuilder[] builders = new VectorBuilder[schema.size()];
        for (int c = 0; c < builders.length; c++) {
            builders[c] = VectorBuilder.forType(schema.type(c), rows.size());
        }
        for (Object[] row : rows) {
            for (int c = 0; c < builders.length; c++) {
                builders[c].append(row[c]);
            }
        }
        io.freshet.data.Vector[] columns = new io.freshet.data.Vector[builders.length];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = builders[c].build();
        }
        batches.add(new Batch(columns, rows.size()));
    }

    synchronized List<Batch> all() {
        return List.copyOf(batches);
    }

    @Override
    public String describe() {
        return "TestStream";
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public BatchScan createScan(int[] projection, List<Expr> filters) {
        return MemoryTableSource.of("test", schema, all()).createScan(projection, filters);
    }

    @Override
    public StreamSource openStream(StreamSourceContext context) {
        return new StreamSource() {
            @Override
            public String describe() {
                return "TestStream";
            }

            @Override
            public Schema schema() {
                return schema;
            }

            @Override
            public Offset latestOffset(Offset start, boolean limited) {
                int count;
                synchronized (TestStream.this) {
                    count = batches.size();
                }
                return count == 0 ? null : new Offset("{\"batches\":" + count + "}");
            }

            @Override
            public TableSource read(Offset start, Offset end) {
                List<Batch> range;
                synchronized (TestStream.this) {
                    range = List.copyOf(batches.subList(index(start), index(end)));
                }
                return MemoryTableSource.of("test", schema, range);
            }
        };
    }

    private static int index(Offset offset) {
        if (offset == null) {
            return 0;
        }
        String json = offset.json();
        return Integer.parseInt(json.substring(json.indexOf(':') + 1, json.indexOf('}')));
    }
}
