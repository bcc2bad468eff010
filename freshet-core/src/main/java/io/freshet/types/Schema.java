package io.freshet.types;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/** The ordered columns of a table, a DataFrame or a batch. */
public record Schema(List<Field> fields) {
    public Schema {
        fields = List.copyOf(requireNonNull(fields, "fields is null"));
    }

    public static Schema of(Field... fields) {
        return new Schema(List.of(fields));
    }

    public int size() {
        return fields.size();
    }

    public Field field(int index) {
        return fields.get(index);
    }

    public DataType type(int index) {
        return fields.get(index).type();
    }

    /** The index of the column with this name (case-insensitive, as in Spark), or -1. */
    public int indexOf(String name) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    public List<String> names() {
        return fields.stream().map(Field::name).toList();
    }

    public Schema concat(Schema other) {
        List<Field> all = new ArrayList<>(fields);
        all.addAll(other.fields);
        return new Schema(all);
    }

    /** The schema as a DDL string, e.g. {@code ts TIMESTAMP, user_id BIGINT}. */
    public String toDdl() {
        return fields.stream()
                .map(f -> quoteIfNeeded(f.name()) + " " + f.type().sqlName().toUpperCase(java.util.Locale.ROOT))
                .collect(Collectors.joining(", "));
    }

    private static String quoteIfNeeded(String name) {
        return name.matches("[A-Za-z_][A-Za-z0-9_]*") ? name : "`" + name.replace("`", "``") + "`";
    }

    @Override
    public String toString() {
        return fields.toString();
    }
}
