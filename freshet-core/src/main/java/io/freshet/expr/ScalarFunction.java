package io.freshet.expr;

import io.freshet.data.Vector;
import io.freshet.types.DataType;

/**
 * A scalar function bound to argument types: evaluates a batch of argument vectors at once.
 *
 * <p>Implementations must be immutable; equality (records are a good fit) lets the optimizer compare
 * expressions. Nulls follow SQL: unless documented otherwise, a null argument gives a null result.
 */
public interface ScalarFunction {

    /** The name as printed in plans, e.g. {@code +}, {@code upper}, {@code CAST AS bigint}. */
    String name();

    DataType returnType();

    /** False for functions such as {@code rand()} whose value changes between calls. */
    default boolean deterministic() {
        return true;
    }

    /** How a call prints: by default {@code name(arg, …)}; operators print infix. */
    default String format(java.util.List<String> args) {
        return name() + "(" + String.join(", ", args) + ")";
    }

    /**
     * Evaluates the function for {@code rowCount} rows.
     *
     * @param args the argument vectors, each of {@code rowCount} values
     */
    Vector evaluate(Vector[] args, int rowCount, EvalContext context);
}
