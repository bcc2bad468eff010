package io.freshet.expr.functions;

import io.freshet.AnalysisException;
import io.freshet.ErrorCode;
import io.freshet.expr.Expr;
import java.util.ArrayList;
import java.util.List;

/** Argument checks shared by the operator and conditional binders, with Spark-like messages. */
final class Binding {
    private Binding() {}

    static void checkCount(String name, List<Expr> args, int expected) {
        if (args.size() != expected) {
            throw new AnalysisException(
                    ErrorCode.WRONG_ARGUMENTS,
                    name + " takes " + expected + " argument" + (expected == 1 ? "" : "s") + " but was given "
                            + args.size());
        }
    }

    static void checkAtLeast(String name, List<Expr> args, int minimum) {
        if (args.size() < minimum) {
            throw new AnalysisException(
                    ErrorCode.WRONG_ARGUMENTS,
                    name + " takes at least " + minimum + " argument" + (minimum == 1 ? "" : "s") + " but was given "
                            + args.size());
        }
    }

    static AnalysisException mismatch(String name, List<Expr> args, String accepted) {
        List<String> types = new ArrayList<>(args.size());
        for (Expr arg : args) {
            types.add(Casts.typeName(arg.type()));
        }
        return new AnalysisException(
                ErrorCode.TYPE_MISMATCH,
                "Cannot apply " + name + " to " + String.join(", ", types) + "; it accepts " + accepted
                        + " (cast the arguments to make them match)");
    }
}
