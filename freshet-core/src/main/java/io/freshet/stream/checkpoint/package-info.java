/**
 * The logs of a streaming query's checkpoint directory: {@link io.freshet.stream.checkpoint.MetadataFile},
 * {@link io.freshet.stream.checkpoint.OffsetLog} and {@link io.freshet.stream.checkpoint.CommitLog}, all written
 * through {@link io.freshet.stream.checkpoint.CheckpointFiles#writeAtomically}.
 */
package io.freshet.stream.checkpoint;
