package io.freshet.exec.ops;

import io.freshet.ErrorCode;
import io.freshet.FreshetException;

import static io.freshet.util.Checks.checkArgument;

/**
 * Finds session windows: given items (rows, or partial sessions) as a group id, a start and an end,
 * orders each group's items by start and puts an item into the current session when its start is at or
 * before the session's end (the largest end so far), else opens the next session, as Spark merges
 * sessions. Used by the batch {@link SessionWindowOperator} and the streaming session aggregation.
 */
public final class SessionAssigner {
    private SessionAssigner() {}

    /**
     * The sessions of some items.
     *
     * @param count the number of sessions
     * @param sessionOf per item, its session (0 ≤ id < count); ids follow (group, start) order
     * @param groups per session, its group
     * @param starts per session, its start (the smallest item start)
     * @param ends per session, its end (the largest item end)
     */
    public record Sessions(int count, int[] sessionOf, int[] groups, long[] starts, long[] ends) {}

    /**
     * The end of a row's own session: its time plus its (positive) gap.
     *
     * @throws FreshetException with {@code ARITHMETIC_OVERFLOW} when the sum leaves the timestamp range
     */
    public static long end(long time, long gap) {
        long end = time + gap;
        if (end < time) {
            throw new FreshetException(
                    ErrorCode.ARITHMETIC_OVERFLOW,
                    "session_window: the time plus the gap overflows the timestamp range; use a smaller gap");
        }
        return end;
    }

    /** Assigns the items {@code 0..itemCount)} to sessions; {@code ends[i] >= starts[i]} for every item. */
    public static Sessions assign(int[] groups, long[] starts, long[] ends, int itemCount) {
        checkArgument(
                groups.length >= itemCount && starts.length >= itemCount && ends.length >= itemCount,
                "arrays shorter than %s items",
                itemCount);
        int[] order = Selections.identity(itemCount);
        IndexSort.sort(order, itemCount, (a, b) -> {
            int byGroup = Integer.compare(groups[a], groups[b]);
            return byGroup != 0 ? byGroup : Long.compare(starts[a], starts[b]);
        });
        int[] sessionOf = new int[itemCount];
        int[] sessionGroups = new int[itemCount];
        long[] sessionStarts = new long[itemCount];
        long[] sessionEnds = new long[itemCount];
        int count = 0;
        for (int i = 0; i < itemCount; i++) {
            int item = order[i];
            int current = count - 1;
            boolean joins =
                    current >= 0 && sessionGroups[current] == groups[item] && starts[item] <= sessionEnds[current];
            if (joins) {
                sessionEnds[current] = Math.max(sessionEnds[current], ends[item]);
            } else {
                current = count++;
                sessionGroups[current] = groups[item];
                sessionStarts[current] = starts[item];
                sessionEnds[current] = ends[item];
            }
            sessionOf[item] = current;
        }
        return new Sessions(count, sessionOf, sessionGroups, sessionStarts, sessionEnds);
    }
}
