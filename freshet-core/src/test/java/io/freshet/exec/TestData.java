package io.freshet.exec;

import io.freshet.connector.memory.MemoryTableSource;
import io.freshet.data.Batch;
import io.freshet.data.Vector;
import io.freshet.data.VectorBuilder;
import io.freshet.expr.InputRef;
import io.freshet.plan.logical.LogicalPlan;
import io.freshet.plan.logical.Scan;
import io.freshet.plan.physical.PhysicalNode;
import io.freshet.plan.physical.PhysicalPlanner;
import io.freshet.plan.physical.PlannerOptions;
import io.freshet.types.Field;
import io.freshet.types.Schema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Builds tables and plans for executor tests and runs them. */
public final class TestData {
    private TestData() {}

    public static Schema schema(Object... namesAndTypes) {
        List<Field> fields = new ArrayList<>();
        for (int i = 0; i < namesAndTypes.length; i += 2) {
            fields.add(Field.of((String) namesAndTypes[i], (io.freshet.types.DataType) namesAndTypes[i + 1]));
        }
        return new Schema(fields);
    }

    public static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    public static Batch batch(Schema schema, List<List<Object>> rows) {
        Vector[] columns = new Vector[schema.size()];
        for (int c = 0; c < columns.length; c++) {
            VectorBuilder builder = VectorBuilder.forType(schema.type(c), rows.size());
            for (List<Object> row : rows) {
                builder.append(row.get(c));
            }
            columns[c] = builder.build();
        }
        return new Batch(columns, rows.size());
    }

    /** A memory table holding the rows in batches of {@code batchRows} rows, one batch per split. */
    public static MemoryTableSource table(String name, Schema schema, int batchRows, List<List<Object>> rows) {
        MemoryTableSource table = new MemoryTableSource(name, schema, 1);
        for (int from = 0; from < rows.size(); from += batchRows) {
            table.append(batch(schema, rows.subList(from, Math.min(rows.size(), from + batchRows))));
        }
        return table;
    }

    public static Scan scan(MemoryTableSource table) {
        return Scan.of(table.name(), table, false);
    }

    public static InputRef col(LogicalPlan plan, int index) {
        Field field = plan.schema().field(index);
        return new InputRef(index, field.type(), field.name());
    }

    public static InputRef col(Schema schema, int index) {
        Field field = schema.field(index);
        return new InputRef(index, field.type(), field.name());
    }

    public static PhysicalNode physical(LogicalPlan plan, int parallelism) {
        return PhysicalPlanner.plan(plan, new PlannerOptions(parallelism));
    }

    /** Plans and runs a logical plan, returning its rows in output order. */
    public static List<List<Object>> run(LogicalPlan plan, int parallelism) {
        return run(physical(plan, parallelism), parallelism);
    }

    public static List<List<Object>> run(PhysicalNode plan, int parallelism) {
        ExecContext context =
                ExecContext.builder().parallelism(parallelism).batchSize(4).build();
        return rows(QueryExecutor.collect(plan, context));
    }

    public static List<List<Object>> rows(List<Batch> batches) {
        List<List<Object>> rows = new ArrayList<>();
        for (Batch batch : batches) {
            for (Object[] row : batch.rows()) {
                rows.add(Arrays.asList(row));
            }
        }
        return rows;
    }
}
