package io.freshet.expr.functions;

import io.freshet.AnalysisException;
import io.freshet.ErrorCode;
import io.freshet.expr.Expr;
import io.freshet.expr.FunctionRegistry;
import io.freshet.expr.Literal;
import io.freshet.types.BigintType;
import io.freshet.types.BooleanType;
import io.freshet.types.DataType;
import io.freshet.types.DateType;
import io.freshet.types.DecimalType;
import io.freshet.types.DoubleType;
import io.freshet.types.IntType;
import io.freshet.types.StringType;
import io.freshet.types.TimestampType;
import java.util.List;

/**
 * Functions about types: {@code typeof(x)} and the functions named after types that Spark registers
 * as casts ({@code int(x)} is {@code CAST(x AS INT)}, {@code decimal(x)} is {@code CAST(x AS DECIMAL(10,0))}).
 */
public final class TypeFunctions {
    private TypeFunctions() {}

    public static void register(FunctionRegistry.Builder registry) {
        registry.scalar("typeof", TypeFunctions::bindTypeof);
        registerCast(registry, "boolean", BooleanType.BOOLEAN);
        // Freshet has no 8-, 16-bit or float types: those names cast to the type that holds them.
        registerCast(registry, "tinyint", IntType.INT);
        registerCast(registry, "smallint", IntType.INT);
        registerCast(registry, "int", IntType.INT);
        registerCast(registry, "bigint", BigintType.BIGINT);
        registerCast(registry, "float", DoubleType.DOUBLE);
        registerCast(registry, "double", DoubleType.DOUBLE);
        registerCast(registry, "decimal", DecimalType.DEFAULT);
        registerCast(registry, "string", StringType.STRING);
        registerCast(registry, "date", DateType.DATE);
        registerCast(registry, "timestamp", TimestampType.TIMESTAMP);
    }

    /** {@code typeof(x)}: the name of the argument's type; a constant, so the argument is never evaluated. */
    private static Expr bindTypeof(List<Expr> args) {
        RowFunctions.checkArity("typeof", args, 1, 1, "expr");
        return new Literal(args.get(0).type().sqlName(), StringType.STRING);
    }

    private static void registerCast(FunctionRegistry.Builder registry, String name, DataType target) {
        registry.scalar(name, args -> {
            if (args.size() != 1) {
                throw new AnalysisException(
                        ErrorCode.WRONG_ARGUMENTS,
                        "Function " + name + " accepts only one argument (it is CAST(x AS " + Casts.typeName(target)
                                + ")), got " + args.size());
            }
            return Casts.cast(args.get(0), target);
        });
    }
}
