package io.freshet.expr.functions;

import io.freshet.AnalysisException;
import io.freshet.data.LongVector;
import io.freshet.data.ObjectVector;
import io.freshet.data.Vector;
import io.freshet.expr.Call;
import io.freshet.expr.EvalContext;
import io.freshet.expr.Expr;
import io.freshet.expr.FunctionRegistry;
import io.freshet.expr.Intervals;
import io.freshet.expr.Literal;
import io.freshet.expr.ScalarFunction;
import io.freshet.types.Field;
import io.freshet.types.IntervalType;
import io.freshet.types.StringType;
import io.freshet.types.StructType;
import io.freshet.types.StructValue;
import io.freshet.types.TimestampType;
import java.util.List;

import static io.freshet.ErrorCode.TYPE_MISMATCH;
import static io.freshet.ErrorCode.WRONG_ARGUMENTS;

/**
 * Event-time windows: {@code window(ts, size[, slide[, startTime]])} gives the struct {@code {start,
 * end}} of the window a timestamp falls in. A tumbling window (slide = size) is a plain function; a
 * sliding window puts each row into several windows, so the planner expands rows with {@link
 * SlidingWindow} instead (as Spark does).
 */
public final class TimeWindowFunctions {
    /** The type of a window column: {@code struct<start: timestamp, end: timestamp>}. */
    public static final StructType WINDOW_TYPE = new StructType(
            List.of(Field.of("start", TimestampType.TIMESTAMP), Field.of("end", TimestampType.TIMESTAMP)));

    private TimeWindowFunctions() {}

    public static void register(FunctionRegistry.Builder registry) {
        registry.scalar("window", TimeWindowFunctions::bindWindow);
        registry.scalar("session_window", SessionWindowFunctions::bind);
    }

    /** The parameters of a {@code window(…)} call, in microseconds. */
    public record WindowSpec(long sizeMicros, long slideMicros, long startMicros) {
        public boolean tumbling() {
            return slideMicros == sizeMicros;
        }

        /** How many windows a row can fall in. */
        public int windowsPerRow() {
            return (int) ((sizeMicros + slideMicros - 1) / slideMicros);
        }
    }

    /** Reads the constant parameters of {@code window(ts, size[, slide[, start]])}. */
    public static WindowSpec spec(List<Expr> args) {
        if (args.size() < 2 || args.size() > 4) {
            throw new AnalysisException(
                    WRONG_ARGUMENTS,
                    "window expects 2 to 4 arguments (timeColumn, windowDuration[, slideDuration[, startTime]]), got "
                            + args.size());
        }
        if (!(args.get(0).type() instanceof TimestampType)) {
            throw new AnalysisException(
                    TYPE_MISMATCH,
                    "window expects a timestamp as its first argument, got "
                            + args.get(0).type().sqlName());
        }
        long size = duration(args.get(1), "windowDuration");
        long slide = args.size() > 2 ? duration(args.get(2), "slideDuration") : size;
        long start = args.size() > 3 ? duration(args.get(3), "startTime") : 0;
        if (size <= 0 || slide <= 0) {
            throw new AnalysisException(WRONG_ARGUMENTS, "window durations must be positive");
        }
        if (slide > size) {
            throw new AnalysisException(
                    WRONG_ARGUMENTS,
                    "The slide duration of a window must not exceed its size (rows would fall in no window)");
        }
        if (Math.abs(start) >= slide) {
            throw new AnalysisException(
                    WRONG_ARGUMENTS, "The start time of a window must be less than its slide duration");
        }
        return new WindowSpec(size, slide, start);
    }

    private static long duration(Expr arg, String name) {
        if (arg instanceof Literal literal && literal.value() != null) {
            if (literal.type() instanceof StringType) {
                return Intervals.parseMicros((String) literal.value());
            }
            if (literal.type() instanceof IntervalType) {
                return (Long) literal.value();
            }
        }
        throw new AnalysisException(
                WRONG_ARGUMENTS, "window's " + name + " must be a constant such as '5 minutes' or INTERVAL 5 MINUTES");
    }

    private static Expr bindWindow(List<Expr> args) {
        WindowSpec spec = spec(args);
        if (!spec.tumbling()) {
            throw new AnalysisException(
                    WRONG_ARGUMENTS,
                    "A sliding window(…) may only appear in the SELECT list or GROUP BY of a query over a table");
        }
        return new Call(new TumblingWindow(spec), args.get(0));
    }

    /** The start of the latest window (of the given slide) that contains {@code ts}. */
    static long lastStart(long ts, long slide, long start) {
        return ts - Math.floorMod(ts - start, slide);
    }

    /** {@code window(ts, size)}: the one window a timestamp falls in. */
    public record TumblingWindow(WindowSpec spec) implements ScalarFunction {
        @Override
        public String name() {
            return "window";
        }

        @Override
        public StructType returnType() {
            return WINDOW_TYPE;
        }

        @Override
        public Vector evaluate(Vector[] args, int rowCount, EvalContext context) {
            return windows((LongVector) args[0], rowCount, spec, 0);
        }
    }

    /** The {@code index}-th (0 = latest) sliding window of a timestamp; null when the row is not in it. */
    public record SlidingWindow(WindowSpec spec, int index) implements ScalarFunction {
        @Override
        public String name() {
            return "window";
        }

        @Override
        public StructType returnType() {
            return WINDOW_TYPE;
        }

        @Override
        public Vector evaluate(Vector[] args, int rowCount, EvalContext context) {
            return windows((LongVector) args[0], rowCount, spec, index);
        }
    }

    private static Vector windows(LongVector timestamps, int rowCount, WindowSpec spec, int index) {
        long[] values = timestamps.values();
        Object[] result = new Object[rowCount];
        for (int i = 0; i < rowCount; i++) {
            if (timestamps.isNull(i)) {
                continue;
            }
            long ts = values[i];
            long start = lastStart(ts, spec.slideMicros(), spec.startMicros()) - index * spec.slideMicros();
            long end = start + spec.sizeMicros();
            if (ts >= start && ts < end) {
                // window end is exclusive, so a row at exactly end belongs to the next window
                result[i] = new StructValue(new Object[] {start, end});
            }
        }
        return new ObjectVector(WINDOW_TYPE, result, rowCount);
    }
}
