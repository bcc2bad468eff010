package io.freshet.cli;

import io.freshet.catalog.BatchScan;
import io.freshet.catalog.TableSource;
import io.freshet.connector.file.FileTableSource;
import io.freshet.connector.memory.MemoryTableSource;
import io.freshet.expr.Expr;
import io.freshet.stream.source.CounterOffsets;
import io.freshet.stream.source.Offset;
import io.freshet.stream.source.StreamSource;
import io.freshet.stream.source.StreamSourceContext;
import io.freshet.stream.source.StreamableTable;
import io.freshet.types.Schema;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A single CSV or JSON file given to {@code --table}: as a batch, the file; as a stream, one micro-batch with the
 * whole file and nothing after it (the engine's file stream reads a directory, so a file gets this small source).
 */
final class SingleFileStreamTable implements TableSource, StreamableTable {
    private static final String OFFSET_NAME = "files";

    private final FileTableSource file;

    SingleFileStreamTable(FileTableSource file) {
        this.file = requireNonNull(file, "file is null");
    }

    @Override
    public String describe() {
        return file.describe();
    }

    @Override
    public Schema schema() {
        return file.schema();
    }

    @Override
    public BatchScan createScan(int[] projection, List<Expr> filters) {
        return file.createScan(projection, filters);
    }

    @Override
    public StreamSource openStream(StreamSourceContext context) {
        requireNonNull(context, "context is null");
        return new Source();
    }

    /** Offset {@code {"files":1}} holds the file; there is never anything after it. */
    private final class Source implements StreamSource {
        @Override
        public String describe() {
            return "FileStreamSource[" + file.paths().get(0) + "]";
        }

        @Override
        public Schema schema() {
            return file.schema();
        }

        @Override
        public Offset latestOffset(Offset start, boolean limited) {
            return CounterOffsets.of(OFFSET_NAME, 1);
        }

        @Override
        public TableSource read(Offset start, Offset end) {
            long from = CounterOffsets.value(start, OFFSET_NAME, 0, describe());
            long to = CounterOffsets.value(end, OFFSET_NAME, 0, describe());
            return from < to ? file : new MemoryTableSource(file.paths().get(0), file.schema());
        }
    }
}
