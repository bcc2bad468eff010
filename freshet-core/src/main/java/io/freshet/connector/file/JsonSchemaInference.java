package io.freshet.connector.file;

import io.freshet.connector.file.JsonParser.MalformedJsonException;
import io.freshet.types.ArrayType;
import io.freshet.types.BigintType;
import io.freshet.types.BooleanType;
import io.freshet.types.DataType;
import io.freshet.types.DecimalType;
import io.freshet.types.DoubleType;
import io.freshet.types.Field;
import io.freshet.types.NullType;
import io.freshet.types.Schema;
import io.freshet.types.StringType;
import io.freshet.types.StructType;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * Infers the schema of JSON Lines files as Spark does.
 *
 * <p>Each record's type is inferred from its value: an object is a struct of its fields sorted by name,
 * an array is an array of its elements' common type, a string a string (timestamps are not inferred, as in
 * Spark by default), an integer a bigint (a decimal beyond bigint, up to 38 digits), a fraction or exponent a
 * double (a decimal with {@code prefersDecimal}), NaN and infinities doubles, true and false booleans; with
 * {@code primitivesAsString} every primitive is a string. Records merge field by field: bigint, decimal and
 * double widen to one another, structs merge their fields, arrays their element types, and any other conflict
 * becomes a string. A field that is always null becomes a string (or is dropped with {@code
 * dropFieldIfAllNull}); a nested object that is always empty is dropped. A malformed record adds the
 * {@code columnNameOfCorruptRecord} string column in PERMISSIVE mode, is ignored in DROPMALFORMED mode and
 * fails the inference with {@code MALFORMED_RECORD} in FAILFAST mode.
 *
 * <p>Sampling rule: as {@link CsvSchemaInference}, at most {@value CsvSchemaInference#MAX_RECORDS_PER_FILE}
 * records per file and {@value CsvSchemaInference#MAX_RECORDS} in all, thinned by {@code samplingRatio} with a
 * fixed seed.
 */
public final class JsonSchemaInference {
    private static final long SAMPLING_SEED = 42;

    private JsonSchemaInference() {}

    /** The schema of {@code files} (already expanded, see {@link FilePaths#expand}); empty for no records. */
    public static Schema infer(List<Path> files, JsonOptions options) {
        requireNonNull(files, "files is null");
        requireNonNull(options, "options is null");
        return new Inference(options).run(files);
    }

    private static final class Inference {
        private final JsonOptions options;
        private final JsonParser json;
        private final Random random = new Random(SAMPLING_SEED);
        private DataType merged = NullType.NULL;
        private boolean corrupt;
        private int records;

        Inference(JsonOptions options) {
            this.options = options;
            this.json = JsonParser.of(
                    options, new ValueParser(ZoneOffset.UTC, options.dateFormat(), options.timestampFormat()));
        }

        Schema run(List<Path> files) {
            for (Path file : files) {
                if (records >= CsvSchemaInference.MAX_RECORDS) {
                    break;
                }
                FileSplit split = FileSplit.wholeFile(file);
                if (options.multiLine()) {
                    readDocument(split);
                } else {
                    readLines(split);
                }
            }
            List<Field> fields = new ArrayList<>();
            if (merged instanceof StructType struct) {
                for (Field field : struct.fields()) {
                    DataType type = canonical(field.type());
                    if (type != null) {
                        fields.add(Field.of(field.name(), type));
                    }
                }
            }
            String corruptName = options.columnNameOfCorruptRecord();
            if (corrupt && fields.stream().noneMatch(f -> f.name().equals(corruptName))) {
                fields.add(Field.of(corruptName, StringType.STRING));
                fields.sort((a, b) -> a.name().compareTo(b.name()));
            }
            return new Schema(fields);
        }

        private void readLines(FileSplit split) {
            try (TextInput input = new TextInput(split, options.lineSeparator(), -1, -1, -1)) {
                int fileRecords = 0;
                while (fileRecords < CsvSchemaInference.MAX_RECORDS_PER_FILE
                        && records < CsvSchemaInference.MAX_RECORDS
                        && input.next()) {
                    json.reset(input.buffer(), input.start(), input.end());
                    if (json.atEnd()) {
                        continue;
                    }
                    fileRecords++;
                    records++;
                    if (options.samplingRatio() < 1 && random.nextDouble() >= options.samplingRatio()) {
                        continue;
                    }
                    inferRecord(split, input.location());
                }
            }
        }

        private void readDocument(FileSplit split) {
            byte[] bytes;
            try (InputStream in = TextInput.open(split)) {
                bytes = in.readAllBytes();
            } catch (IOException e) {
                throw TextInput.ioError(split, e);
            }
            json.reset(bytes, 0, bytes.length);
            if (!json.atEnd()) {
                records++;
                inferRecord(split, "line 1");
            }
        }

        private void inferRecord(FileSplit split, String location) {
            try {
                int token = json.nextToken();
                DataType type;
                if (token == JsonParser.OBJECT) {
                    type = inferRest(token);
                } else if (token == JsonParser.ARRAY) {
                    // A top-level array holds one record per element; each must be an object.
                    type = NullType.NULL;
                    json.enter();
                    boolean first = true;
                    while (json.nextElement(first)) {
                        first = false;
                        int elementToken = json.nextToken();
                        if (elementToken != JsonParser.OBJECT) {
                            throw json.malformed("expected an object in the top-level array");
                        }
                        type = merge(type, inferRest(elementToken));
                    }
                    json.exit();
                } else {
                    throw json.malformed("expected a JSON object");
                }
                if (!json.atEnd()) {
                    throw json.malformed("unexpected text after the record");
                }
                merged = merge(merged, type);
            } catch (MalformedJsonException e) {
                switch (options.mode()) {
                    case PERMISSIVE -> corrupt = true;
                    case DROPMALFORMED -> {
                        // ignored, as the reader will drop it
                    }
                    case FAILFAST -> throw RecordErrors.malformed("JSON", location, split, e.getMessage());
                }
            }
        }

        /** The type of a value whose first token was just read. */
        private DataType inferRest(int token) {
            return switch (token) {
                case JsonParser.OBJECT -> {
                    json.enter();
                    Map<String, DataType> fields = new TreeMap<>();
                    boolean first = true;
                    while (json.nextField(first)) {
                        first = false;
                        String name = json.string();
                        DataType type = inferRest(json.nextToken());
                        fields.merge(name, type, this::merge);
                    }
                    json.exit();
                    List<Field> list = new ArrayList<>(fields.size());
                    fields.forEach((name, type) -> list.add(Field.of(name, type)));
                    yield new StructType(list);
                }
                case JsonParser.ARRAY -> {
                    json.enter();
                    DataType element = NullType.NULL;
                    boolean first = true;
                    while (json.nextElement(first)) {
                        first = false;
                        element = merge(element, inferRest(json.nextToken()));
                    }
                    json.exit();
                    yield new ArrayType(element);
                }
                case JsonParser.STRING -> StringType.STRING;
                case JsonParser.TRUE, JsonParser.FALSE ->
                    options.primitivesAsString() ? StringType.STRING : BooleanType.BOOLEAN;
                case JsonParser.NULL -> NullType.NULL;
                case JsonParser.NON_NUMERIC -> options.primitivesAsString() ? StringType.STRING : DoubleType.DOUBLE;
                case JsonParser.NUMBER -> inferNumber();
                default -> throw new IllegalStateException("unknown token " + token);
            };
        }

        private DataType inferNumber() {
            if (options.primitivesAsString()) {
                return StringType.STRING;
            }
            if (!json.numberIsFloat) {
                if (json.numberToLong()) {
                    return BigintType.BIGINT;
                }
                BigDecimal value = json.numberAsDecimal();
                DecimalType decimal = value == null ? null : InferredTypes.integralDecimal(value);
                return decimal == null ? DoubleType.DOUBLE : decimal;
            }
            if (options.prefersDecimal()) {
                BigDecimal value = json.numberAsDecimal();
                if (value != null) {
                    int scale = Math.max(value.scale(), 0);
                    BigDecimal scaled = value.setScale(scale);
                    int precision = Math.max(scaled.precision(), scale);
                    if (precision <= DecimalType.MAX_PRECISION) {
                        return new DecimalType(Math.max(precision, 1), scale);
                    }
                }
            }
            return DoubleType.DOUBLE;
        }

        private DataType merge(DataType a, DataType b) {
            if (a.equals(b)) {
                return a;
            }
            if (a instanceof NullType) {
                return b;
            }
            if (b instanceof NullType) {
                return a;
            }
            DataType numeric = InferredTypes.widerNumeric(a, b);
            if (numeric != null) {
                return numeric;
            }
            if (a instanceof StructType x && b instanceof StructType y) {
                Map<String, DataType> fields = new TreeMap<>();
                for (Field field : x.fields()) {
                    fields.put(field.name(), field.type());
                }
                for (Field field : y.fields()) {
                    fields.merge(field.name(), field.type(), this::merge);
                }
                List<Field> list = new ArrayList<>(fields.size());
                fields.forEach((name, type) -> list.add(Field.of(name, type)));
                return new StructType(list);
            }
            if (a instanceof ArrayType x && b instanceof ArrayType y) {
                return new ArrayType(merge(x.elementType(), y.elementType()));
            }
            return StringType.STRING;
        }

        /** The final form of an inferred type, or null when the field should be dropped. */
        private DataType canonical(DataType type) {
            return switch (type) {
                case NullType t -> options.dropFieldIfAllNull() ? null : StringType.STRING;
                case ArrayType array -> {
                    DataType element = canonical(array.elementType());
                    yield element == null
                            ? (options.dropFieldIfAllNull() ? null : new ArrayType(StringType.STRING))
                            : new ArrayType(element);
                }
                case StructType struct -> {
                    List<Field> fields = new ArrayList<>();
                    for (Field field : struct.fields()) {
                        DataType fieldType = canonical(field.type());
                        if (fieldType != null) {
                            fields.add(Field.of(field.name(), fieldType));
                        }
                    }
                    yield fields.isEmpty() ? null : new StructType(fields);
                }
                default -> type;
            };
        }
    }
}
