package io.freshet.types;

import java.util.List;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/** The SQL type {@code struct<name: type, ...>}; window columns are structs of start and end. */
public record StructType(List<Field> fields) implements DataType {
    public StructType {
        fields = List.copyOf(requireNonNull(fields, "fields is null"));
    }

    /** The index of the field with this name (case-insensitive), or -1. */
    public int indexOf(String name) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String sqlName() {
        return fields.stream()
                .map(f -> f.name() + ": " + f.type().sqlName())
                .collect(Collectors.joining(", ", "struct<", ">"));
    }

    @Override
    public String toString() {
        return sqlName();
    }
}
