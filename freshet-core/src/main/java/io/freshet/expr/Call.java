package io.freshet.expr;

import io.freshet.types.DataType;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** A call of a bound scalar function (operators, casts and conditionals included) on argument expressions. */
public record Call(ScalarFunction function, List<Expr> args) implements Expr {
    public Call {
        requireNonNull(function, "function is null");
        args = List.copyOf(args);
    }

    public Call(ScalarFunction function, Expr... args) {
        this(function, List.of(args));
    }

    public String name() {
        return function.name();
    }

    @Override
    public DataType type() {
        return function.returnType();
    }

    @Override
    public List<Expr> children() {
        return args;
    }

    @Override
    public Expr withChildren(List<Expr> children) {
        return new Call(function, children);
    }

    @Override
    public boolean deterministic() {
        return function.deterministic() && Expr.super.deterministic();
    }

    @Override
    public String toString() {
        return ExprPrinter.print(this);
    }
}
