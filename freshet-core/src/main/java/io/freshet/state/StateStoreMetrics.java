package io.freshet.state;

/**
 * What a state store reports after a commit.
 *
 * @param rowsTotal entries held over all key groups
 * @param rowsUpdated entries put in the last committed version
 * @param rowsRemoved entries removed in the last committed version
 * @param memoryUsedBytes bytes held in memory (for RocksDB, its reported memory)
 * @param commitTimeMillis time the last commit took
 */
public record StateStoreMetrics(
        long rowsTotal, long rowsUpdated, long rowsRemoved, long memoryUsedBytes, long commitTimeMillis) {}
