package io.freshet.expr;

import io.freshet.expr.aggregate.AggregateFunctionDefinition;
import io.freshet.expr.aggregate.AggregateFunctions;
import io.freshet.expr.functions.ArrayFunctions;
import io.freshet.expr.functions.ConditionalFunctions;
import io.freshet.expr.functions.DateTimeFunctions;
import io.freshet.expr.functions.HashFunctions;
import io.freshet.expr.functions.MathFunctions;
import io.freshet.expr.functions.OperatorFunctions;
import io.freshet.expr.functions.StringFunctions;
import io.freshet.expr.functions.TypeFunctions;
import io.freshet.expr.window.WindowFunctionDefinition;
import io.freshet.expr.window.WindowFunctions;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/** The catalogue of built-in functions, looked up by case-insensitive name. Immutable once built. */
public final class FunctionRegistry {
    private static final FunctionRegistry BUILTINS = createBuiltins();

    private final Map<String, ScalarFunctionDefinition> scalars;
    private final Map<String, AggregateFunctionDefinition> aggregates;
    private final Map<String, WindowFunctionDefinition> windows;

    private FunctionRegistry(Builder builder) {
        this.scalars = Map.copyOf(builder.scalars);
        this.aggregates = Map.copyOf(builder.aggregates);
        this.windows = Map.copyOf(builder.windows);
    }

    public static FunctionRegistry builtins() {
        return BUILTINS;
    }

    private static FunctionRegistry createBuiltins() {
        Builder builder = new Builder();
        OperatorFunctions.register(builder);
        ConditionalFunctions.register(builder);
        StringFunctions.register(builder);
        MathFunctions.register(builder);
        DateTimeFunctions.register(builder);
        HashFunctions.register(builder);
        ArrayFunctions.register(builder);
        TypeFunctions.register(builder);
        io.freshet.expr.functions.TimeWindowFunctions.register(builder);
        AggregateFunctions.register(builder);
        WindowFunctions.register(builder);
        return new FunctionRegistry(builder);
    }

    public Optional<ScalarFunctionDefinition> scalar(String name) {
        return Optional.ofNullable(scalars.get(name.toLowerCase(Locale.ROOT)));
    }

    public Optional<AggregateFunctionDefinition> aggregate(String name) {
        return Optional.ofNullable(aggregates.get(name.toLowerCase(Locale.ROOT)));
    }

    public Optional<WindowFunctionDefinition> window(String name) {
        return Optional.ofNullable(windows.get(name.toLowerCase(Locale.ROOT)));
    }

    /** All function names, sorted (for error suggestions and {@code SHOW FUNCTIONS}). */
    public Set<String> names() {
        Set<String> names = new TreeSet<>(scalars.keySet());
        names.addAll(aggregates.keySet());
        names.addAll(windows.keySet());
        return names;
    }

    /** Collects definitions; a name may be registered once per kind. */
    public static final class Builder {
        private final Map<String, ScalarFunctionDefinition> scalars = new HashMap<>();
        private final Map<String, AggregateFunctionDefinition> aggregates = new HashMap<>();
        private final Map<String, WindowFunctionDefinition> windows = new HashMap<>();

        public Builder scalar(String name, ScalarFunctionDefinition definition) {
            put(scalars, name, definition);
            return this;
        }

        public Builder aggregate(String name, AggregateFunctionDefinition definition) {
            put(aggregates, name, definition);
            return this;
        }

        public Builder window(String name, WindowFunctionDefinition definition) {
            put(windows, name, definition);
            return this;
        }

        private static <T> void put(Map<String, T> map, String name, T definition) {
            requireNonNull(definition, "definition is null");
            T previous = map.putIfAbsent(name.toLowerCase(Locale.ROOT), definition);
            if (previous != null) {
                throw new IllegalStateException("function registered twice: " + name);
            }
        }
    }
}
