package io.freshet.plan;

import io.freshet.expr.Call;
import io.freshet.expr.Expr;
import io.freshet.expr.InputRef;
import io.freshet.expr.Literal;
import io.freshet.expr.OuterRef;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Tree utilities for resolved expressions used by the planner and the optimizer. */
public final class Exprs {
    private Exprs() {}

    /**
     * Rewrites bottom-up: {@code rewrite} sees each node after its children were rewritten and returns
     * a replacement or the node itself.
     */
    public static Expr transformUp(Expr expr, Function<Expr, Expr> rewrite) {
        List<Expr> children = expr.children();
        Expr current = expr;
        if (!children.isEmpty()) {
            List<Expr> rewritten = new ArrayList<>(children.size());
            boolean changed = false;
            for (Expr child : children) {
                Expr next = transformUp(child, rewrite);
                changed |= next != child;
                rewritten.add(next);
            }
            if (changed) {
                current = expr.withChildren(rewritten);
            }
        }
        return rewrite.apply(current);
    }

    /**
     * Rewrites top-down: where {@code rewrite} returns a non-null replacement the subtree is replaced
     * and not visited further; otherwise the children are visited.
     */
    public static Expr transformDown(Expr expr, Function<Expr, Expr> rewrite) {
        Expr replacement = rewrite.apply(expr);
        if (replacement != null) {
            return replacement;
        }
        List<Expr> children = expr.children();
        if (children.isEmpty()) {
            return expr;
        }
        List<Expr> rewritten = new ArrayList<>(children.size());
        boolean changed = false;
        for (Expr child : children) {
            Expr next = transformDown(child, rewrite);
            changed |= next != child;
            rewritten.add(next);
        }
        return changed ? expr.withChildren(rewritten) : expr;
    }

    /** A structural identity of an expression: equal keys mean the same computation on the same columns. */
    public static String key(Expr expr) {
        return switch (expr) {
            case InputRef ref -> "#" + ref.index();
            case OuterRef ref -> "outer#" + ref.index();
            case Literal literal ->
                "lit(" + literal.value() + ":" + literal.type().sqlName() + ")";
            case Call call -> {
                StringBuilder text = new StringBuilder(
                                call.function().getClass().getName())
                        .append('[')
                        .append(call.function().name())
                        .append(':')
                        .append(call.type().sqlName())
                        .append(
                                call.function() instanceof Record
                                        ? call.function().toString()
                                        : "")
                        .append("](");
                for (Expr arg : call.args()) {
                    text.append(key(arg)).append(',');
                }
                yield text.append(')').toString();
            }
        };
    }

    /** Whether any node satisfies the predicate. */
    public static boolean any(Expr expr, java.util.function.Predicate<Expr> predicate) {
        if (predicate.test(expr)) {
            return true;
        }
        for (Expr child : expr.children()) {
            if (any(child, predicate)) {
                return true;
            }
        }
        return false;
    }

    public static boolean containsOuterRef(Expr expr) {
        return any(expr, e -> e instanceof OuterRef);
    }

    /** The column positions the expression reads. */
    public static java.util.BitSet inputs(Expr expr) {
        java.util.BitSet used = new java.util.BitSet();
        any(expr, e -> {
            if (e instanceof InputRef ref) {
                used.set(ref.index());
            }
            return false;
        });
        return used;
    }

    /** Adds {@code offset} to every input column position. */
    public static Expr shift(Expr expr, int offset) {
        if (offset == 0) {
            return expr;
        }
        return transformUp(
                expr, e -> e instanceof InputRef ref ? new InputRef(ref.index() + offset, ref.type(), ref.name()) : e);
    }

    /** Replaces input column {@code i} by {@code replacements.get(i)}. */
    public static Expr substitute(Expr expr, List<Expr> replacements) {
        return transformUp(expr, e -> e instanceof InputRef ref ? replacements.get(ref.index()) : e);
    }

    /** The AND of the given conditions (at least one). */
    public static Expr conjunction(List<Expr> conditions) {
        Expr result = conditions.get(0);
        for (int i = 1; i < conditions.size(); i++) {
            result = io.freshet.expr.FunctionRegistry.builtins()
                    .scalar("and")
                    .orElseThrow()
                    .bind(List.of(result, conditions.get(i)));
        }
        return result;
    }

    /** Renumbers input columns: column {@code i} becomes {@code mapping[i]} (which must be set for every column used). */
    public static Expr remap(Expr expr, int[] mapping) {
        return transformUp(
                expr, e -> e instanceof InputRef ref ? new InputRef(mapping[ref.index()], ref.type(), ref.name()) : e);
    }

    /** The operands of a tree of ANDs. */
    public static List<Expr> conjuncts(Expr expr) {
        List<Expr> result = new ArrayList<>();
        collectConjuncts(expr, result);
        return result;
    }

    private static void collectConjuncts(Expr expr, List<Expr> result) {
        if (expr instanceof Call call
                && call.name().equals("and")
                && call.args().size() == 2) {
            collectConjuncts(call.args().get(0), result);
            collectConjuncts(call.args().get(1), result);
        } else {
            result.add(expr);
        }
    }
}
