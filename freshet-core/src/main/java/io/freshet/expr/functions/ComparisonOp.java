package io.freshet.expr.functions;

/** The comparison operators and the symbol each prints as. */
enum ComparisonOp {
    EQUAL("="),
    NOT_EQUAL("<>"),
    LESS_THAN("<"),
    LESS_THAN_OR_EQUAL("<="),
    GREATER_THAN(">"),
    GREATER_THAN_OR_EQUAL(">="),
    NULL_SAFE_EQUAL("<=>");

    private final String symbol;

    ComparisonOp(String symbol) {
        this.symbol = symbol;
    }

    String symbol() {
        return symbol;
    }

    /** The operator that gives the same answer with the operands swapped ({@code a < b} is {@code b > a}). */
    ComparisonOp swapped() {
        return switch (this) {
            case LESS_THAN -> GREATER_THAN;
            case LESS_THAN_OR_EQUAL -> GREATER_THAN_OR_EQUAL;
            case GREATER_THAN -> LESS_THAN;
            case GREATER_THAN_OR_EQUAL -> LESS_THAN_OR_EQUAL;
            case EQUAL, NOT_EQUAL, NULL_SAFE_EQUAL -> this;
        };
    }

    /** Whether a three-way comparison result satisfies this operator. */
    boolean test(int comparison) {
        return switch (this) {
            case EQUAL, NULL_SAFE_EQUAL -> comparison == 0;
            case NOT_EQUAL -> comparison != 0;
            case LESS_THAN -> comparison < 0;
            case LESS_THAN_OR_EQUAL -> comparison <= 0;
            case GREATER_THAN -> comparison > 0;
            case GREATER_THAN_OR_EQUAL -> comparison >= 0;
        };
    }
}
