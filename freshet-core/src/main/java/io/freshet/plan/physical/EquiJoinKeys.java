package io.freshet.plan.physical;

import io.freshet.expr.Call;
import io.freshet.expr.Expr;
import io.freshet.expr.InputRef;
import io.freshet.expr.ScalarFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * The equality keys of a join condition and what remains of it: each {@code a = b} conjunct between an
 * expression over only the left columns and one over only the right columns, of one type and
 * deterministic, is a key pair; the other conjuncts form the residual. Shared by the batch planner's
 * hash joins and the streaming engine's stream-stream joins.
 *
 * @param leftKeys the key expressions over the left columns
 * @param rightKeys the key expressions over the right columns (indexes start at 0 for the right side)
 * @param residual the remaining conjuncts over the left then right columns, null for none
 */
public record EquiJoinKeys(List<Expr> leftKeys, List<Expr> rightKeys, Expr residual) {
    public EquiJoinKeys {
        leftKeys = List.copyOf(leftKeys);
        rightKeys = List.copyOf(rightKeys);
    }

    /** Splits {@code condition} (over {@code leftCount} left columns, then the right ones; not null). */
    public static EquiJoinKeys of(Expr condition, int leftCount, int rightCount) {
        requireNonNull(condition, "condition is null");
        int totalCount = leftCount + rightCount;
        List<Expr> conjuncts = new ArrayList<>();
        ScalarFunction and = splitConjuncts(condition, conjuncts, null);
        List<Expr> leftKeys = new ArrayList<>();
        List<Expr> rightKeys = new ArrayList<>();
        List<Expr> residual = new ArrayList<>();
        for (Expr conjunct : conjuncts) {
            if (!addEquiKey(conjunct, leftCount, totalCount, leftKeys, rightKeys)) {
                residual.add(conjunct);
            }
        }
        Expr residualCondition = null;
        for (Expr part : residual) {
            residualCondition = residualCondition == null ? part : new Call(and, residualCondition, part);
        }
        return new EquiJoinKeys(leftKeys, rightKeys, residualCondition);
    }

    /** Whether the condition has at least one key pair. */
    public boolean hasKeys() {
        return !leftKeys.isEmpty();
    }

    /** Flattens nested ANDs into {@code out}; returns the AND function seen (to rebuild a conjunction). */
    private static ScalarFunction splitConjuncts(Expr expr, List<Expr> out, ScalarFunction and) {
        if (expr instanceof Call call && isNamed(call, "and") && call.args().size() == 2) {
            ScalarFunction found = splitConjuncts(call.args().get(0), out, call.function());
            return splitConjuncts(call.args().get(1), out, found);
        }
        out.add(expr);
        return and;
    }

    /** Adds an {@code a = b} between a left-only and a right-only expression of one type as a key pair. */
    private static boolean addEquiKey(
            Expr conjunct, int leftCount, int totalCount, List<Expr> leftKeys, List<Expr> rightKeys) {
        if (!(conjunct instanceof Call call)
                || !isNamed(call, "=")
                || call.args().size() != 2) {
            return false;
        }
        Expr first = call.args().get(0);
        Expr second = call.args().get(1);
        if (!first.type().equals(second.type()) || !first.deterministic() || !second.deterministic()) {
            return false;
        }
        if (refersOnlyTo(first, 0, leftCount) && refersOnlyTo(second, leftCount, totalCount)) {
            leftKeys.add(first);
            rightKeys.add(shift(second, -leftCount));
            return true;
        }
        if (refersOnlyTo(second, 0, leftCount) && refersOnlyTo(first, leftCount, totalCount)) {
            leftKeys.add(second);
            rightKeys.add(shift(first, -leftCount));
            return true;
        }
        return false;
    }

    private static boolean isNamed(Call call, String name) {
        return call.name().toLowerCase(Locale.ROOT).equals(name);
    }

    /** Whether the expression refers to at least one column and only to columns in {@code [from, to)}. */
    private static boolean refersOnlyTo(Expr expr, int from, int to) {
        int[] range = {Integer.MAX_VALUE, Integer.MIN_VALUE};
        collectRange(expr, range);
        return range[0] <= range[1] && range[0] >= from && range[1] < to;
    }

    private static void collectRange(Expr expr, int[] range) {
        if (expr instanceof InputRef ref) {
            range[0] = Math.min(range[0], ref.index());
            range[1] = Math.max(range[1], ref.index());
        }
        for (Expr child : expr.children()) {
            collectRange(child, range);
        }
    }

    private static Expr shift(Expr expr, int delta) {
        if (expr instanceof InputRef ref) {
            return new InputRef(ref.index() + delta, ref.type(), ref.name());
        }
        List<Expr> children = expr.children();
        if (children.isEmpty()) {
            return expr;
        }
        List<Expr> shifted = new ArrayList<>(children.size());
        for (Expr child : children) {
            shifted.add(shift(child, delta));
        }
        return expr.withChildren(shifted);
    }
}
