package io.freshet.expr.functions;

/** The binary arithmetic operators, with the symbol they print as and the try_ function that avoids errors. */
enum ArithmeticOp {
    ADD("+", "try_add", "addition"),
    SUBTRACT("-", "try_subtract", "subtraction"),
    MULTIPLY("*", "try_multiply", "multiplication"),
    DIVIDE("/", "try_divide", "division"),
    REMAINDER("%", "try_mod", "remainder"),
    INTEGRAL_DIVIDE("div", "try_divide", "integral division");

    private final String symbol;
    private final String tryName;
    private final String description;

    ArithmeticOp(String symbol, String tryName, String description) {
        this.symbol = symbol;
        this.tryName = tryName;
        this.description = description;
    }

    String symbol() {
        return symbol;
    }

    /** The function that returns NULL instead of failing (suggested in error messages). */
    String tryName() {
        return tryName;
    }

    String description() {
        return description;
    }

    boolean dividesOrRemainders() {
        return this == DIVIDE || this == REMAINDER || this == INTEGRAL_DIVIDE;
    }
}
