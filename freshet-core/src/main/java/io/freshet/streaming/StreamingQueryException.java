package io.freshet.streaming;

import io.freshet.ErrorCode;
import io.freshet.FreshetException;

/** Why a streaming query stopped with an error: the micro-batch that failed, and the cause. */
public class StreamingQueryException extends FreshetException {
    private final long batchId;

    public StreamingQueryException(String queryName, long batchId, Throwable cause) {
        super(
                cause instanceof FreshetException freshet ? freshet.errorCode() : ErrorCode.INTERNAL_ERROR,
                "Streaming query " + queryName + " failed in micro-batch " + batchId + ": " + cause.getMessage(),
                cause);
        this.batchId = batchId;
    }

    /** The micro-batch that failed (-1 when the query failed before its first batch). */
    public long batchId() {
        return batchId;
    }
}
