package io.freshet.exec.ops;

import io.freshet.data.Batch;
import io.freshet.data.Vector;
import io.freshet.data.VectorBuilder;
import io.freshet.exec.BatchStream;
import io.freshet.exec.ExecContext;
import io.freshet.plan.physical.ValuesExec;
import io.freshet.types.Schema;
import java.util.List;

/** Emits literal rows as one batch. */
final class ValuesOperator implements BatchStream {
    private final ValuesExec node;
    private final ExecContext context;
    private boolean done;

    ValuesOperator(ValuesExec node, ExecContext context) {
        this.node = node;
        this.context = context;
    }

    @Override
    public Batch next() {
        if (done) {
            return null;
        }
        done = true;
        List<List<Object>> rows = node.rows();
        if (rows.isEmpty()) {
            return null;
        }
        Schema schema = node.schema();
        Vector[] columns = new Vector[schema.size()];
        for (int c = 0; c < columns.length; c++) {
            VectorBuilder builder = VectorBuilder.forType(schema.type(c), rows.size());
            for (List<Object> row : rows) {
                builder.append(row.get(c));
            }
            columns[c] = builder.build();
        }
        context.metrics().addInputRows(rows.size());
        return new Batch(columns, rows.size());
    }
}
