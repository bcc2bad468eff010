package io.freshet.sql.ast;

import java.util.List;

import static io.freshet.util.Checks.checkArgument;

/**
 * A {@code GROUP BY} clause: grouping elements, or {@code GROUP BY ALL} (group by every select item
 * that contains no aggregate). Integer literals among the elements are ordinals of select items.
 */
public record GroupBy(boolean all, List<GroupingElement> elements) {
    public GroupBy {
        elements = List.copyOf(elements);
        checkArgument(all == elements.isEmpty(), "GROUP BY ALL has no elements, otherwise some are needed");
    }

    public static GroupBy groupByAll() {
        return new GroupBy(true, List.of());
    }
}
