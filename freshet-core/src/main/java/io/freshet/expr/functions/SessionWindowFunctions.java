package io.freshet.expr.functions;

import io.freshet.AnalysisException;
import io.freshet.FreshetException;
import io.freshet.data.Bits;
import io.freshet.data.LongVector;
import io.freshet.data.Vector;
import io.freshet.expr.Call;
import io.freshet.expr.EvalContext;
import io.freshet.expr.Expr;
import io.freshet.expr.Intervals;
import io.freshet.expr.Literal;
import io.freshet.expr.ScalarFunction;
import io.freshet.types.DataType;
import io.freshet.types.DateType;
import io.freshet.types.IntervalType;
import io.freshet.types.NullType;
import io.freshet.types.StringType;
import io.freshet.types.StructType;
import io.freshet.types.TimestampType;
import java.util.List;

import static io.freshet.ErrorCode.TYPE_MISMATCH;
import static io.freshet.ErrorCode.WRONG_ARGUMENTS;

/**
 * Session windows: {@code session_window(ts, gap)} as a grouping key puts the rows of each group whose
 * timestamps lie within {@code gap} of each other into one session {@code {start, end}}, where start is
 * the first timestamp and end the last timestamp plus the gap (as in Spark).
 *
 * <p>A session depends on the other rows of its group, so it is not a function of one row: the call
 * binds to {@link SessionWindow}, which only marks the grouping key. The batch planner computes the
 * sessions with a sort of each group's rows, the streaming planner with per-key session state.
 */
public final class SessionWindowFunctions {
    /** The name of the session column, as Spark names it. */
    public static final String COLUMN_NAME = "session_window";

    private SessionWindowFunctions() {}

    /**
     * Binds {@code session_window(timeColumn, gapDuration)}: the time column becomes a timestamp (strings
     * and dates are cast), a constant gap string is read as an interval now (an unreadable one is an
     * error), and a gap computed per row becomes an interval that is null where it cannot be read.
     *
     * @throws AnalysisException when the arguments are not a time and a gap
     */
    public static Expr bind(List<Expr> args) {
        if (args.size() != 2) {
            throw new AnalysisException(
                    WRONG_ARGUMENTS,
                    "session_window expects 2 arguments (timeColumn, gapDuration), got " + args.size());
        }
        return new Call(new SessionWindow(), time(args.get(0)), gap(args.get(1)));
    }

    /** Whether an expression is a {@code session_window(…)} call. */
    public static boolean isSessionWindow(Expr expr) {
        return expr instanceof Call call && call.function() instanceof SessionWindow;
    }

    /** Whether an expression contains a {@code session_window(…)} call anywhere. */
    public static boolean containsSessionWindow(Expr expr) {
        if (isSessionWindow(expr)) {
            return true;
        }
        for (Expr child : expr.children()) {
            if (containsSessionWindow(child)) {
                return true;
            }
        }
        return false;
    }

    private static Expr time(Expr arg) {
        DataType type = arg.type();
        if (type instanceof TimestampType) {
            return arg;
        }
        if (type instanceof StringType || type instanceof DateType || type instanceof NullType) {
            return Casts.cast(arg, TimestampType.TIMESTAMP);
        }
        throw new AnalysisException(
                TYPE_MISMATCH, "session_window expects a timestamp as its first argument, got " + type.sqlName());
    }

    private static Expr gap(Expr arg) {
        DataType type = arg.type();
        if (arg instanceof Literal literal) {
            if (literal.value() == null) {
                // A null gap makes every session empty: Spark then drops all rows.
                return new Literal(null, IntervalType.INTERVAL);
            }
            if (type instanceof StringType) {
                return new Literal(parseGap((String) literal.value()), IntervalType.INTERVAL);
            }
        }
        if (type instanceof IntervalType) {
            return arg;
        }
        if (type instanceof StringType) {
            // A gap computed per row: a string that is not an interval gives a null gap, and its row is dropped.
            return new Call(new GapFromString(), arg);
        }
        throw new AnalysisException(
                TYPE_MISMATCH,
                "session_window expects the gap as a string such as '10 minutes' or an interval, got "
                        + type.sqlName());
    }

    private static long parseGap(String text) {
        try {
            return Intervals.parseMicros(text);
        } catch (FreshetException e) {
            throw new AnalysisException(
                    WRONG_ARGUMENTS,
                    "session_window's gapDuration '" + text
                            + "' is not an interval; write it like '10 minutes' or INTERVAL 10 MINUTES");
        }
    }

    /**
     * Reads a gap string such as {@code '5 minutes'} per row, as Spark casts a dynamic gap to an interval:
     * null when the string is null or not an interval (its row is then dropped from the sessions).
     */
    public record GapFromString() implements ScalarFunction {
        @Override
        public String name() {
            return "session_gap";
        }

        @Override
        public DataType returnType() {
            return IntervalType.INTERVAL;
        }

        @Override
        public Vector evaluate(Vector[] args, int rowCount, EvalContext context) {
            Vector texts = args[0];
            long[] values = new long[rowCount];
            long[] nulls = Bits.allocate(rowCount);
            boolean anyNull = false;
            for (int i = 0; i < rowCount; i++) {
                Long micros = texts.isNull(i) ? null : parseOrNull((String) texts.get(i));
                if (micros == null) {
                    Bits.set(nulls, i);
                    anyNull = true;
                } else {
                    values[i] = micros;
                }
            }
            return new LongVector(IntervalType.INTERVAL, values, anyNull ? nulls : null, rowCount);
        }

        private static Long parseOrNull(String text) {
            try {
                return Intervals.parseMicros(text);
            } catch (FreshetException | ArithmeticException e) {
                // Not an interval: Spark's cast gives null here, and the row's session is dropped.
                return null;
            }
        }
    }

    /**
     * Marks the session-window grouping key {@code session_window(ts, gap)}; its arguments are the
     * timestamp and the gap (an interval). Not evaluable on its own: a session depends on the other
     * rows of its group, so it is not deterministic per row, which also keeps the optimizer from moving
     * it or filters on it below the aggregation.
     */
    public record SessionWindow() implements ScalarFunction {
        @Override
        public String name() {
            return COLUMN_NAME;
        }

        @Override
        public StructType returnType() {
            return TimeWindowFunctions.WINDOW_TYPE;
        }

        @Override
        public boolean deterministic() {
            return false;
        }

        @Override
        public Vector evaluate(Vector[] args, int rowCount, EvalContext context) {
            throw new IllegalStateException(
                    "session_window(…) is computed by the aggregation that groups by it, not per row");
        }
    }
}
