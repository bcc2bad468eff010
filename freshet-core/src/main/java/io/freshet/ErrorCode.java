package io.freshet;

/** The category of a {@link FreshetException}; stable names that tools and tests can match on. */
public enum ErrorCode {
    // Analysis: the query is wrong.
    PARSE_ERROR,
    TABLE_NOT_FOUND,
    TABLE_ALREADY_EXISTS,
    COLUMN_NOT_FOUND,
    AMBIGUOUS_COLUMN,
    FUNCTION_NOT_FOUND,
    WRONG_ARGUMENTS,
    TYPE_MISMATCH,
    NOT_GROUPED,
    INVALID_AGGREGATE,
    INVALID_WINDOW,
    INVALID_SCHEMA,
    INVALID_OPTION,
    UNSUPPORTED,
    UNSUPPORTED_OUTPUT_MODE,
    // Execution: the data is wrong or a limit was hit.
    DIVIDE_BY_ZERO,
    ARITHMETIC_OVERFLOW,
    CAST_INVALID_INPUT,
    INVALID_ARGUMENT,
    MALFORMED_RECORD,
    SCALAR_SUBQUERY_TOO_MANY_ROWS,
    MEMORY_LIMIT_EXCEEDED,
    IO_ERROR,
    PATH_NOT_FOUND,
    PATH_ALREADY_EXISTS,
    CANCELLED,
    INTERNAL_ERROR
}
