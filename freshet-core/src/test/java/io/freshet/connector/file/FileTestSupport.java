package io.freshet.connector.file;

import io.freshet.data.Batch;
import io.freshet.data.Vector;
import io.freshet.data.VectorBuilder;
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
import io.freshet.types.Schema;
import io.freshet.types.StringType;
import io.freshet.types.StructType;
import io.freshet.types.StructValue;
import io.freshet.types.TimestampType;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/** Helpers shared by the file connector tests: writing files, random batches, comparing rows. */
final class FileTestSupport {
    private FileTestSupport() {}

    /** Characters that trouble CSV and JSON writers: delimiters, quotes, escapes, line breaks, non-ASCII. */
    private static final int[] TRICKY_CODE_POINTS = {
        'a', 'b', 'Z', '0', '9', ' ', ',', ';', '"', '\'', '\\', '\n', '\r', '\t', '#', '{', '}', '[', ']', ':', 'é',
        'ß', '中', '文', 0x1F600, 0x1F4A9, 0x7F, 0x1, '/', 'N', 'u', 'l'
    };

    static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path writeGzip(Path file, String text) {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<List<Object>> rows(List<Batch> batches) {
        List<List<Object>> rows = new ArrayList<>();
        for (Batch batch : batches) {
            for (Object[] row : batch.rows()) {
                rows.add(Arrays.asList(row));
            }
        }
        return rows;
    }

    static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    /** A batch of the given rows (values in internal representation). */
    static Batch batch(Schema schema, List<List<Object>> rows) {
        Vector[] columns = new Vector[schema.size()];
        for (int c = 0; c < schema.size(); c++) {
            VectorBuilder builder = VectorBuilder.forType(schema.type(c), rows.size());
            for (List<Object> row : rows) {
                builder.append(row.get(c));
            }
            columns[c] = builder.build();
        }
        return new Batch(columns, rows.size());
    }

    /** Every type a file can hold. */
    static Schema allTypesSchema() {
        return Schema.of(
                Field.of("id", IntType.INT),
                Field.of("flag", BooleanType.BOOLEAN),
                Field.of("small", IntType.INT),
                Field.of("big", BigintType.BIGINT),
                Field.of("ratio", DoubleType.DOUBLE),
                Field.of("price", new DecimalType(10, 2)),
                Field.of("huge", new DecimalType(38, 10)),
                Field.of("name", StringType.STRING),
                Field.of("note", StringType.STRING),
                Field.of("day", DateType.DATE),
                Field.of("ts", TimestampType.TIMESTAMP),
                Field.of(
                        "point",
                        new StructType(List.of(Field.of("x", IntType.INT), Field.of("label", StringType.STRING)))),
                Field.of("ids", new ArrayType(BigintType.BIGINT)),
                Field.of("tags", new ArrayType(StringType.STRING)));
    }

    /** Random rows for {@code schema}: column 0 is the row number, never null; other values are null 1 in 8. */
    static List<List<Object>> randomRows(Random random, Schema schema, int count) {
        List<List<Object>> rows = new ArrayList<>(count);
        for (int r = 0; r < count; r++) {
            List<Object> row = new ArrayList<>(schema.size());
            row.add(r);
            for (int c = 1; c < schema.size(); c++) {
                row.add(random.nextInt(8) == 0 ? null : randomValue(random, schema.type(c)));
            }
            rows.add(row);
        }
        return rows;
    }

    static Object randomValue(Random random, DataType type) {
        return switch (type) {
            case BooleanType t -> random.nextBoolean();
            case IntType t ->
                random.nextInt(4) == 0 ? pick(random, Integer.MIN_VALUE, Integer.MAX_VALUE, 0, -1) : random.nextInt();
            case BigintType t ->
                random.nextInt(4) == 0 ? pick(random, Long.MIN_VALUE, Long.MAX_VALUE, 0L) : random.nextLong();
            case DoubleType t ->
                switch (random.nextInt(6)) {
                    case 0 ->
                        pick(
                                random,
                                Double.NaN,
                                Double.POSITIVE_INFINITY,
                                Double.NEGATIVE_INFINITY,
                                -0.0,
                                0.1,
                                Double.MIN_VALUE,
                                Double.MAX_VALUE,
                                1e22,
                                1e-7);
                    case 1 -> (double) random.nextInt(1000) / 100;
                    default ->
                        Double.longBitsToDouble(random.nextLong() & 0x7FEF_FFFF_FFFF_FFFFL)
                                * (random.nextBoolean() ? 1 : -1);
                };
            case DecimalType decimal -> {
                BigInteger unscaled =
                        new BigInteger(decimal.precision() * 3, random).mod(BigInteger.TEN.pow(decimal.precision()));
                BigDecimal value = new BigDecimal(unscaled, decimal.scale());
                yield random.nextBoolean() ? value.negate() : value;
            }
            case StringType t -> randomString(random);
            case DateType t -> random.nextInt(3_000_000) - 719_162; // years 0001 to about 6200
            case TimestampType t ->
                (random.nextLong(4_000_000_000L) - 1_000_000_000L) * 1_000_000L
                        + (random.nextBoolean() ? random.nextInt(1_000_000) : 0);
            case StructType struct -> {
                Object[] values = new Object[struct.fields().size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = random.nextInt(5) == 0
                            ? null
                            : randomValue(random, struct.fields().get(i).type());
                }
                yield new StructValue(values);
            }
            case ArrayType array -> {
                List<Object> elements = new ArrayList<>();
                int length = random.nextInt(4);
                for (int i = 0; i < length; i++) {
                    elements.add(random.nextInt(6) == 0 ? null : randomValue(random, array.elementType()));
                }
                yield elements;
            }
            case NullType t -> null;
            case IntervalType t -> random.nextLong();
        };
    }

    static String randomString(Random random) {
        int length = random.nextInt(5) == 0 ? 0 : random.nextInt(12);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(TRICKY_CODE_POINTS[random.nextInt(TRICKY_CODE_POINTS.length)]);
        }
        return text.toString();
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... values) {
        return values[random.nextInt(values.length)];
    }
}
