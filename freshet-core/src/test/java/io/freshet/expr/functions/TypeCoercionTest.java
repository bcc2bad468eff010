package io.freshet.expr.functions;

import io.freshet.expr.TypeCoercion;
import io.freshet.types.ArrayType;
import io.freshet.types.BigintType;
import io.freshet.types.BooleanType;
import io.freshet.types.DataType;
import io.freshet.types.DateType;
import io.freshet.types.DecimalType;
import io.freshet.types.DoubleType;
import io.freshet.types.Field;
import io.freshet.types.IntType;
import io.freshet.types.IntervalType;
import io.freshet.types.NullType;
import io.freshet.types.StringType;
import io.freshet.types.StructType;
import io.freshet.types.TimestampType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TypeCoercionTest {
    private static Optional<DataType> common(DataType a, DataType b) {
        Optional<DataType> forward = TypeCoercion.commonType(a, b);
        assertThat(TypeCoercion.commonType(b, a)).as("symmetric").isEqualTo(forward);
        return forward;
    }

    @Test
    void nullWidensToAnyType() {
        assertThat(common(NullType.NULL, IntType.INT)).contains(IntType.INT);
        assertThat(common(NullType.NULL, new ArrayType(StringType.STRING))).contains(new ArrayType(StringType.STRING));
        assertThat(common(NullType.NULL, NullType.NULL)).contains(NullType.NULL);
    }

    @Test
    void numbersWidenAlongSparksLadder() {
        assertThat(common(IntType.INT, BigintType.BIGINT)).contains(BigintType.BIGINT);
        assertThat(common(IntType.INT, DoubleType.DOUBLE)).contains(DoubleType.DOUBLE);
        assertThat(common(new DecimalType(10, 2), DoubleType.DOUBLE)).contains(DoubleType.DOUBLE);
        assertThat(common(IntType.INT, new DecimalType(5, 2))).contains(new DecimalType(12, 2));
        assertThat(common(BigintType.BIGINT, new DecimalType(5, 2))).contains(new DecimalType(22, 2));
    }

    @Test
    void decimalsKeepIntegerDigitsAndScaleUpToPrecision38() {
        assertThat(common(new DecimalType(10, 2), new DecimalType(5, 4))).contains(new DecimalType(12, 4));
        assertThat(common(new DecimalType(38, 0), new DecimalType(38, 10))).contains(new DecimalType(38, 10));
    }

    @Test
    void dateWidensToTimestamp() {
        assertThat(common(DateType.DATE, TimestampType.TIMESTAMP)).contains(TimestampType.TIMESTAMP);
    }

    @Test
    void stringsDoNotWidenToOrFromOtherTypes() {
        assertThat(common(StringType.STRING, StringType.STRING)).contains(StringType.STRING);
        assertThat(common(StringType.STRING, IntType.INT)).isEmpty();
        assertThat(common(StringType.STRING, DateType.DATE)).isEmpty();
        assertThat(common(BooleanType.BOOLEAN, IntType.INT)).isEmpty();
        assertThat(common(IntervalType.INTERVAL, TimestampType.TIMESTAMP)).isEmpty();
    }

    @Test
    void structsAndArraysWidenFieldByField() {
        StructType a = new StructType(List.of(Field.of("x", IntType.INT), Field.of("y", NullType.NULL)));
        StructType b = new StructType(List.of(Field.of("x", BigintType.BIGINT), Field.of("y", StringType.STRING)));
        assertThat(common(a, b))
                .contains(new StructType(List.of(Field.of("x", BigintType.BIGINT), Field.of("y", StringType.STRING))));
        StructType renamed = new StructType(List.of(Field.of("z", IntType.INT), Field.of("y", NullType.NULL)));
        assertThat(common(a, renamed)).isEmpty();
        assertThat(common(new ArrayType(IntType.INT), new ArrayType(DoubleType.DOUBLE)))
                .contains(new ArrayType(DoubleType.DOUBLE));
    }

    @Test
    void listsFoldPairwise() {
        assertThat(TypeCoercion.commonType(List.of(IntType.INT, NullType.NULL, BigintType.BIGINT)))
                .contains(BigintType.BIGINT);
        assertThat(TypeCoercion.commonType(List.of(IntType.INT, StringType.STRING)))
                .isEmpty();
    }
}
