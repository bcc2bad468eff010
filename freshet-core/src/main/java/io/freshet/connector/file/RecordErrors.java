package io.freshet.connector.file;

import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import io.freshet.types.DataType;
import io.freshet.types.Schema;
import io.freshet.types.StringType;

/** Shared handling of malformed records: the corrupt-record column and FAILFAST messages. */
final class RecordErrors {
    private static final int MAX_QUOTED_VALUE = 100;

    private RecordErrors() {}

    /**
     * The index of the corrupt-record column in {@code schema}, or -1 when the schema has none.
     *
     * @throws FreshetException with {@code INVALID_SCHEMA} when the column exists but is not a string
     */
    static int corruptColumn(Schema schema, String name) {
        for (int i = 0; i < schema.size(); i++) {
            if (schema.field(i).name().equals(name)) {
                DataType type = schema.type(i);
                if (!(type instanceof StringType)) {
                    throw new FreshetException(
                            ErrorCode.INVALID_SCHEMA,
                            "The corrupt record column '" + name + "' must be of type string, not " + type.sqlName()
                                    + "; change its type or set option 'columnNameOfCorruptRecord'");
                }
                return i;
            }
        }
        return -1;
    }

    static FreshetException malformed(String format, TextInput input, FileSplit split, String problem) {
        return malformed(format, input.location(), split, problem);
    }

    static FreshetException malformed(String format, String location, FileSplit split, String problem) {
        return new FreshetException(
                ErrorCode.MALFORMED_RECORD,
                "Malformed " + format + " record in " + split.path() + " at " + location + ": " + problem
                        + "; fix the input, or read with option mode set to PERMISSIVE or DROPMALFORMED");
    }

    /** A value for a message: quoted, and shortened when long. */
    static String quote(String value) {
        if (value.length() > MAX_QUOTED_VALUE) {
            value = value.substring(0, MAX_QUOTED_VALUE) + "...";
        }
        return "'" + value + "'";
    }
}
