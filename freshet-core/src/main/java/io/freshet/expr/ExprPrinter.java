package io.freshet.expr;

import io.freshet.types.DataType;
import io.freshet.types.DateType;
import io.freshet.types.StringType;
import io.freshet.types.TimestampType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Prints expressions in a stable, SQL-like text used by EXPLAIN, plan tests and column names. */
public final class ExprPrinter {
    private ExprPrinter() {}

    public static String print(Expr expr) {
        return switch (expr) {
            case InputRef ref -> ref.name();
            case OuterRef ref -> "outer(" + ref.name() + ")";
            case Literal literal -> literal(literal.value(), literal.type());
            case Call call -> {
                List<String> args = new ArrayList<>(call.args().size());
                for (Expr arg : call.args()) {
                    args.add(print(arg));
                }
                yield call.function().format(args);
            }
        };
    }

    public static String literal(Object value, DataType type) {
        if (value == null) {
            return "NULL";
        }
        return switch (type) {
            case StringType t -> "'" + value.toString().replace("'", "\\'") + "'";
            case DateType t -> "DATE '" + LocalDate.ofEpochDay((Integer) value) + "'";
            case TimestampType t ->
                "TIMESTAMP '" + Temporal.formatTimestamp((Long) value, java.time.ZoneOffset.UTC) + "'";
            default -> value.toString();
        };
    }
}
