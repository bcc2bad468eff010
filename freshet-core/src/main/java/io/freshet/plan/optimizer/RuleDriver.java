package io.freshet.plan.optimizer;

import io.freshet.plan.logical.LogicalPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Applies rules to every node of a plan, bottom-up, pass after pass until no rule changes anything
 * or the pass limit is reached (a safety net against rules that undo each other).
 */
public final class RuleDriver {
    private static final int MAX_PASSES = 100;

    private final List<Rule> rules;

    public RuleDriver(List<Rule> rules) {
        this.rules = List.copyOf(requireNonNull(rules, "rules is null"));
    }

    public LogicalPlan optimize(LogicalPlan plan) {
        LogicalPlan current = plan;
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            LogicalPlan next = rewrite(current);
            if (next.equals(current)) {
                return next;
            }
            current = next;
        }
        return current;
    }

    private LogicalPlan rewrite(LogicalPlan plan) {
        List<LogicalPlan> inputs = plan.inputs();
        LogicalPlan node = plan;
        if (!inputs.isEmpty()) {
            List<LogicalPlan> rewritten = new ArrayList<>(inputs.size());
            boolean changed = false;
            for (LogicalPlan input : inputs) {
                LogicalPlan next = rewrite(input);
                changed |= next != input;
                rewritten.add(next);
            }
            if (changed) {
                node = plan.withInputs(rewritten);
            }
        }
        for (Rule rule : rules) {
            Optional<LogicalPlan> result = rule.apply(node);
            if (result.isPresent()) {
                node = result.get();
            }
        }
        return node;
    }
}
