package io.freshet;

import static java.util.Objects.requireNonNull;

/** An error reported by Freshet, with a category that says what kind of problem it is. */
public class FreshetException extends RuntimeException {
    private final ErrorCode errorCode;

    public FreshetException(ErrorCode errorCode, String message) {
        super(message);
        this.errorCode = requireNonNull(errorCode, "errorCode is null");
    }

    public FreshetException(ErrorCode errorCode, String message, Throwable cause) {
        super(message, cause);
        this.errorCode = requireNonNull(errorCode, "errorCode is null");
    }

    public ErrorCode errorCode() {
        return errorCode;
    }
}
