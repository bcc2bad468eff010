package io.freshet.exec.ops;

import io.freshet.data.Batch;
import io.freshet.data.Bits;
import io.freshet.data.Vector;
import io.freshet.exec.BatchStream;
import io.freshet.exec.ExecContext;
import io.freshet.exec.MemoryReservation;
import io.freshet.expr.Evaluator;
import io.freshet.expr.Expr;
import io.freshet.plan.physical.BuildSide;
import io.freshet.plan.physical.HashJoinExec;
import io.freshet.plan.physical.JoinKind;
import io.freshet.plan.physical.NestedLoopJoinExec;
import io.freshet.plan.physical.PhysicalNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one probe partition of a {@link HashJoinExec} or (with no keys, every build row a candidate) a
 * {@link NestedLoopJoinExec}. The build side is materialized once ({@link JoinBuild}); each probe batch
 * looks its keys up, and the candidate pairs, at most a batch at a time, pass the residual condition.
 * Unmatched probe rows of an outer join follow their batch's pairs; unmatched (or, for a semi/anti join
 * building the left side, matched) build rows are emitted once, by the last probe partition to end.
 */
final class HashJoinOperator implements BatchStream {
    private final PhysicalNode node;
    private final JoinKind kind;
    private final boolean buildLeft;
    private final PhysicalNode buildInput;
    private final List<Expr> buildKeys;
    private final List<Expr> probeKeys;
    private final Evaluator residual;
    private final ExecContext context;
    private final BatchStream probe;
    private final boolean trackBuildMatches;
    private final boolean emitsPairs;
    private JoinBuild build;
    private long[] buildMatched;

    private Batch probeBatch;
    private int[] probeGroups = new int[0];
    private boolean[] probeMatched = new boolean[0];
    private int probeRow;
    private int chainRow = -1;
    private boolean probeDone;
    private long[] finalMatches;
    private int finalRow;
    private int[] pairProbeRows;
    private int[] pairBuildRows;

    HashJoinOperator(HashJoinExec join, int partition, ExecContext context) {
        this(
                join,
                join.kind(),
                join.buildSide(),
                join.leftKeys(),
                join.rightKeys(),
                join.residual(),
                partition,
                context);
    }

    HashJoinOperator(NestedLoopJoinExec join, int partition, ExecContext context) {
        this(join, join.kind(), join.buildSide(), List.of(), List.of(), join.condition(), partition, context);
    }

    private HashJoinOperator(
            PhysicalNode node,
            JoinKind kind,
            BuildSide buildSide,
            List<Expr> leftKeys,
            List<Expr> rightKeys,
            Expr residual,
            int partition,
            ExecContext context) {
        this.node = node;
        this.kind = kind;
        this.buildLeft = buildSide == BuildSide.LEFT;
        PhysicalNode left = node.inputs().get(0);
        PhysicalNode right = node.inputs().get(1);
        this.buildInput = buildLeft ? left : right;
        this.buildKeys = buildLeft ? leftKeys : rightKeys;
        this.probeKeys = buildLeft ? rightKeys : leftKeys;
        this.residual = residual == null ? null : Evaluator.compile(residual);
        this.context = context;
        this.probe = context.execute(buildLeft ? right : left, partition);
        boolean buildOuter = buildLeft ? kind.keepsUnmatchedLeft() : kind.keepsUnmatchedRight();
        this.trackBuildMatches = buildOuter || (buildLeft && kind.leftOnly());
        this.emitsPairs = !kind.leftOnly();
    }

    @Override
    public Batch next() {
        if (build == null) {
            build = context.stage(node, "build", this::buildSide);
            buildMatched = trackBuildMatches ? new long[(build.rows.rowCount() + 63) >>> 6] : null;
        }
        while (true) {
            if (probeBatch != null) {
                Batch output = probeBatch();
                if (output != null) {
                    return output;
                }
                continue;
            }
            if (!probeDone) {
                Batch batch = probe.next();
                if (batch == null) {
                    probeDone = true;
                    long[] allMatches = build.finishProbe(buildMatched);
                    if (allMatches != null) {
                        // The last probe partition to end emits the build rows, then frees the build.
                        if (trackBuildMatches) {
                            finalMatches = allMatches;
                        } else {
                            build.release();
                        }
                    }
                    continue;
                }
                startProbeBatch(batch);
                continue;
            }
            Batch output = finalMatches == null ? null : buildRows();
            if (output == null) {
                return null;
            }
            if (output.rowCount() > 0) {
                return output;
            }
        }
    }

    private JoinBuild buildSide() {
        String operation = "hash join build";
        String hint = "join with the smaller input on the build side, or filter it first";
        List<Collected> parts = context.parallel(node, buildInput.partitionCount(), p -> {
            MemoryReservation memory = context.memory().newReservation(operation, hint);
            List<Batch> batches = new ArrayList<>();
            try (BatchStream stream = context.execute(buildInput, p)) {
                for (Batch batch = stream.next(); batch != null; batch = stream.next()) {
                    memory.grow(BatchSizes.bytes(batch));
                    batches.add(batch);
                }
            }
            return new Collected(batches, memory);
        });
        List<Batch> all = new ArrayList<>();
        for (Collected part : parts) {
            all.addAll(part.batches());
        }
        MemoryReservation memory = context.memory().newReservation(operation, hint);
        try {
            return JoinBuild.build(
                    all, buildInput.schema(), buildKeys, node.partitionCount(), memory, context.evalContext());
        } finally {
            // The build's own reservation now covers the rows.
            for (Collected part : parts) {
                part.memory().close();
            }
        }
    }

    /** The batches one build partition produced, and the memory they hold until the build copies them. */
    private record Collected(List<Batch> batches, MemoryReservation memory) {}

    private void startProbeBatch(Batch batch) {
        int rowCount = batch.rowCount();
        if (probeGroups.length < rowCount) {
            probeGroups = new int[rowCount];
            probeMatched = new boolean[rowCount];
        }
        java.util.Arrays.fill(probeMatched, 0, rowCount, false);
        if (probeKeys.isEmpty()) {
            java.util.Arrays.fill(probeGroups, 0, rowCount, 0);
        } else {
            Vector[] keys = JoinBuild.evaluate(probeKeys, batch, context.evalContext());
            long[] hashes = new long[rowCount];
            KeyHashing.hashRows(keys, rowCount, hashes);
            build.table.find(keys, rowCount, hashes, probeGroups);
            for (int i = 0; i < rowCount; i++) {
                if (probeGroups[i] >= 0 && JoinBuild.hasNullKey(keys, i)) {
                    probeGroups[i] = -1;
                }
            }
        }
        probeBatch = batch;
        probeRow = 0;
        chainRow = -1;
    }

    /** The next output of the current probe batch, or null (and the batch dropped) when it is done. */
    private Batch probeBatch() {
        int rowCount = probeBatch.rowCount();
        if (!emitsPairs && buildMatched == null && residual == null) {
            // A semi or anti join probing with the left side only needs to know whether a key has rows.
            for (int i = 0; i < rowCount; i++) {
                int group = probeGroups[i];
                probeMatched[i] = group >= 0 && build.firstRow[group] >= 0;
            }
            probeRow = rowCount;
        }
        while (probeRow < rowCount) {
            Batch pairs = nextPairs(rowCount);
            if (pairs != null && pairs.rowCount() > 0) {
                return pairs;
            }
        }
        Batch rest = unmatchedProbeRows(rowCount);
        probeBatch = null;
        return rest;
    }

    /** Collects up to a batch of candidate pairs from the chains, filters them, and records matches. */
    private Batch nextPairs(int rowCount) {
        int size = context.batchSize();
        if (pairProbeRows == null) {
            pairProbeRows = new int[size];
            pairBuildRows = new int[size];
        }
        int[] probeRows = pairProbeRows;
        int[] buildRows = pairBuildRows;
        int count = 0;
        while (count < size && probeRow < rowCount) {
            if (chainRow < 0) {
                int group = probeGroups[probeRow];
                chainRow = group < 0 ? -1 : build.firstRow[group];
                if (chainRow < 0) {
                    probeRow++;
                    continue;
                }
            }
            probeRows[count] = probeRow;
            buildRows[count] = chainRow;
            count++;
            chainRow = build.nextRow[chainRow];
            if (chainRow < 0) {
                probeRow++;
            }
        }
        if (count == 0) {
            return null;
        }
        Batch probeSide = probeBatch.select(probeRows, count);
        Batch buildSide = build.rows.select(buildRows, count);
        Batch joined = buildLeft ? buildSide.concatColumns(probeSide) : probeSide.concatColumns(buildSide);
        int kept = count;
        int[] positions = null;
        if (residual != null) {
            positions = new int[count];
            kept = Selections.truePositions(residual.evaluate(joined, context.evalContext()), count, positions);
        }
        for (int i = 0; i < kept; i++) {
            int pair = positions == null ? i : positions[i];
            probeMatched[probeRows[pair]] = true;
            if (buildMatched != null) {
                Bits.set(buildMatched, buildRows[pair]);
            }
        }
        if (!emitsPairs || kept == 0) {
            return null;
        }
        return kept == count ? joined : joined.select(positions, kept);
    }

    /** The probe rows a semi/anti join keeps, or an outer join pads with nulls; null when none. */
    private Batch unmatchedProbeRows(int rowCount) {
        boolean probeIsLeft = !buildLeft;
        boolean keepMatched = probeIsLeft && kind == JoinKind.LEFT_SEMI;
        boolean keepUnmatched =
                probeIsLeft ? kind == JoinKind.LEFT_ANTI || kind.keepsUnmatchedLeft() : kind.keepsUnmatchedRight();
        if (!keepMatched && !keepUnmatched) {
            return null;
        }
        int[] positions = new int[rowCount];
        int count = 0;
        for (int i = 0; i < rowCount; i++) {
            if (probeMatched[i] == keepMatched) {
                positions[count++] = i;
            }
        }
        if (count == 0) {
            return null;
        }
        Batch rows = count == rowCount ? probeBatch : probeBatch.select(positions, count);
        if (kind.leftOnly()) {
            return rows;
        }
        Batch nulls = Gather.nulls(buildInput.schema(), count);
        return buildLeft ? nulls.concatColumns(rows) : rows.concatColumns(nulls);
    }

    /** The next chunk of build rows emitted at the end, or null when done (and the build released). */
    private Batch buildRows() {
        int rowCount = build.rows.rowCount();
        boolean keepMatched = kind == JoinKind.LEFT_SEMI;
        int size = context.batchSize();
        int[] positions = new int[Math.min(size, Math.max(rowCount - finalRow, 0))];
        int count = 0;
        while (count < positions.length && finalRow < rowCount) {
            if (Bits.get(finalMatches, finalRow) == keepMatched) {
                positions[count++] = finalRow;
            }
            finalRow++;
        }
        if (count == 0 && finalRow >= rowCount) {
            finalMatches = null;
            build.release();
            return null;
        }
        Batch rows = build.rows.select(positions, count);
        if (kind.leftOnly()) {
            return rows;
        }
        PhysicalNode probeInput = node.inputs().get(buildLeft ? 1 : 0);
        Batch nulls = Gather.nulls(probeInput.schema(), count);
        return buildLeft ? rows.concatColumns(nulls) : nulls.concatColumns(rows);
    }

    @Override
    public void close() {
        probe.close();
    }
}
