package io.freshet.stream.exec;

import io.freshet.expr.Call;
import io.freshet.expr.Expr;
import io.freshet.expr.ExprPrinter;
import io.freshet.expr.InputRef;
import io.freshet.expr.Literal;
import io.freshet.plan.Exprs;
import io.freshet.plan.logical.Join;
import io.freshet.plan.physical.EquiJoinKeys;
import io.freshet.types.IntervalType;
import io.freshet.types.Schema;
import io.freshet.types.TimestampType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * What a stream-stream join reads from its condition: the equality keys and the residual condition
 * (split as the batch planner splits them), each side's event-time columns (a row with one at or below
 * the watermark is late), and per side the bounds after which a row of that side can no longer match a
 * future row of the other side, and so leaves the state.
 *
 * <p>A bound comes from a conjunct that compares a time of one side with an event time of the other:
 * {@code l.ts >= r.ts + c} (also written with {@code <=}, {@code BETWEEN}, {@code -}, or as an equality
 * key) means a left row with {@code l.ts <= watermark + c} cannot match, since every right row still to
 * come has {@code r.ts > watermark}. An event-time column or window among the equality keys bounds the
 * other side's key the same way, with {@code c = 0}.
 */
record StreamJoinConditions(
        EquiJoinKeys keys,
        List<EventTime> leftEventTimes,
        List<EventTime> rightEventTimes,
        List<JoinStateBound> leftBounds,
        List<JoinStateBound> rightBounds) {
    StreamJoinConditions {
        requireNonNull(keys, "keys is null");
        leftEventTimes = List.copyOf(leftEventTimes);
        rightEventTimes = List.copyOf(rightEventTimes);
        leftBounds = List.copyOf(leftBounds);
        rightBounds = List.copyOf(rightBounds);
    }

    /**
     * When a row of one side can leave the state: once {@code value - offsetMicros <= watermark}, where
     * {@code value} is the side's column {@code index} (or its equality key {@code index}), or that
     * window's end.
     *
     * @param name what the bound reads, for plans and messages
     */
    record JoinStateBound(boolean fromKey, int index, boolean window, long offsetMicros, String name) {
        @Override
        public String toString() {
            String value = window ? name + ".end" : name;
            if (offsetMicros == 0) {
                return value + " <= watermark";
            }
            // value - offset <= watermark, with the offset as a duration such as 5m or 1h30m
            String duration = java.time.Duration.of(Math.abs(offsetMicros), java.time.temporal.ChronoUnit.MICROS)
                    .toString()
                    .substring(2)
                    .toLowerCase(java.util.Locale.ROOT);
            return value + (offsetMicros < 0 ? " + " : " - ") + duration + " <= watermark";
        }
    }

    /** The conditions of a join of two streams. */
    static StreamJoinConditions of(Join join) {
        Schema leftSchema = join.left().schema();
        Schema rightSchema = join.right().schema();
        int leftWidth = leftSchema.size();
        EquiJoinKeys keys = join.condition() == null
                ? new EquiJoinKeys(List.of(), List.of(), null)
                : EquiJoinKeys.of(join.condition(), leftWidth, rightSchema.size());
        Map<Integer, EventTime> leftTimes = EventTime.columnsOf(join.left());
        Map<Integer, EventTime> rightTimes = EventTime.columnsOf(join.right());
        List<JoinStateBound> leftBounds = new ArrayList<>();
        List<JoinStateBound> rightBounds = new ArrayList<>();
        for (int i = 0; i < keys.leftKeys().size(); i++) {
            Expr leftKey = keys.leftKeys().get(i);
            Expr rightKey = keys.rightKeys().get(i);
            EventTime rightTime = eventTimeOf(rightKey, rightTimes);
            if (rightTime != null) {
                leftBounds.add(new JoinStateBound(true, i, rightTime.window(), 0, label(leftKey)));
            }
            EventTime leftTime = eventTimeOf(leftKey, leftTimes);
            if (leftTime != null) {
                rightBounds.add(new JoinStateBound(true, i, leftTime.window(), 0, label(rightKey)));
            }
            if (leftKey.type() instanceof TimestampType) {
                Expr shifted = Exprs.shift(rightKey, leftWidth);
                addRangeBound(leftKey, ">=", shifted, join, leftTimes, rightTimes, leftBounds, rightBounds);
                addRangeBound(leftKey, "<=", shifted, join, leftTimes, rightTimes, leftBounds, rightBounds);
            }
        }
        if (keys.residual() != null) {
            for (Expr conjunct : Exprs.conjuncts(keys.residual())) {
                if (conjunct instanceof Call call && call.args().size() == 2 && isComparison(call.name())) {
                    addRangeBound(
                            call.args().get(0),
                            call.name(),
                            call.args().get(1),
                            join,
                            leftTimes,
                            rightTimes,
                            leftBounds,
                            rightBounds);
                }
            }
        }
        return new StreamJoinConditions(
                keys, sorted(leftTimes), sorted(rightTimes), List.copyOf(leftBounds), List.copyOf(rightBounds));
    }

    private static List<EventTime> sorted(Map<Integer, EventTime> times) {
        return new TreeMap<>(times).values().stream().toList();
    }

    private static String label(Expr expr) {
        return expr instanceof InputRef ref ? ref.name() : ExprPrinter.print(expr);
    }

    private static EventTime eventTimeOf(Expr key, Map<Integer, EventTime> times) {
        return key instanceof InputRef ref ? times.get(ref.index()) : null;
    }

    private static boolean isComparison(String name) {
        return name.equals(">=") || name.equals(">") || name.equals("<=") || name.equals("<");
    }

    /**
     * Adds the bound {@code first op second} gives, if it compares a time of one side with a timestamp
     * event time of the other plus a constant interval.
     */
    private static void addRangeBound(
            Expr first,
            String op,
            Expr second,
            Join join,
            Map<Integer, EventTime> leftTimes,
            Map<Integer, EventTime> rightTimes,
            List<JoinStateBound> leftBounds,
            List<JoinStateBound> rightBounds) {
        Linear difference = Linear.of(first);
        Linear subtrahend = Linear.of(second);
        if (difference == null || subtrahend == null) {
            return;
        }
        difference = difference.minus(subtrahend);
        if (difference == null) {
            return;
        }
        boolean strict = op.equals(">") || op.equals("<");
        if (op.startsWith("<")) {
            difference = difference.negated();
        }
        // now: difference >= 0 (or > 0), difference = tA - tB + constant
        if (difference.terms.size() != 2) {
            return;
        }
        int stateColumn = -1;
        int otherColumn = -1;
        for (Map.Entry<Integer, Integer> term : difference.terms.entrySet()) {
            if (term.getValue() == 1) {
                stateColumn = term.getKey();
            } else if (term.getValue() == -1) {
                otherColumn = term.getKey();
            }
        }
        int leftWidth = join.left().schema().size();
        if (stateColumn < 0 || otherColumn < 0 || (stateColumn < leftWidth) == (otherColumn < leftWidth)) {
            return;
        }
        // tA >= tB - constant: with tB > watermark for every row to come, tA <= watermark - constant cannot match
        long offset;
        try {
            offset = Math.addExact(Math.negateExact(difference.constant), strict ? 1 : 0);
        } catch (ArithmeticException e) {
            return;
        }
        if (stateColumn < leftWidth) {
            EventTime other = rightTimes.get(otherColumn - leftWidth);
            if (other != null && !other.window()) {
                String name = join.left().schema().field(stateColumn).name();
                leftBounds.add(new JoinStateBound(false, stateColumn, false, offset, name));
            }
        } else {
            EventTime other = leftTimes.get(otherColumn);
            if (other != null && !other.window()) {
                String name =
                        join.right().schema().field(stateColumn - leftWidth).name();
                rightBounds.add(new JoinStateBound(false, stateColumn - leftWidth, false, offset, name));
            }
        }
    }

    /** A sum of timestamp columns with coefficients and a constant interval, or null when not of that form. */
    private record Linear(Map<Integer, Integer> terms, long constant) {
        static Linear of(Expr expr) {
            return switch (expr) {
                case InputRef ref when ref.type() instanceof TimestampType -> new Linear(Map.of(ref.index(), 1), 0);
                case Literal literal
                when literal.type() instanceof IntervalType && literal.value() instanceof Long l ->
                    new Linear(Map.of(), l);
                case Call call
                when call.args().size() == 2
                        && (call.name().equals("+") || call.name().equals("-")) -> {
                    Linear first = of(call.args().get(0));
                    Linear second = of(call.args().get(1));
                    if (first == null || second == null) {
                        yield null;
                    }
                    yield call.name().equals("+") ? first.plus(second, 1) : first.plus(second, -1);
                }
                default -> null;
            };
        }

        Linear minus(Linear other) {
            return plus(other, -1);
        }

        Linear negated() {
            return new Linear(Map.of(), 0).plus(this, -1);
        }

        private Linear plus(Linear other, int sign) {
            if (other == null) {
                return null;
            }
            Map<Integer, Integer> sum = new TreeMap<>(terms);
            for (Map.Entry<Integer, Integer> term : other.terms.entrySet()) {
                int coefficient = sum.getOrDefault(term.getKey(), 0) + sign * term.getValue();
                if (coefficient == 0) {
                    sum.remove(term.getKey());
                } else {
                    sum.put(term.getKey(), coefficient);
                }
            }
            try {
                return new Linear(sum, Math.addExact(constant, Math.multiplyExact(sign, other.constant)));
            } catch (ArithmeticException e) {
                return null;
            }
        }
    }
}
