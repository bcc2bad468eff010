package io.freshet.types;

import static java.util.Objects.requireNonNull;

/** A named, typed column of a schema or struct. */
public record Field(String name, DataType type, boolean nullable) {
    public Field {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
    }

    public static Field of(String name, DataType type) {
        return new Field(name, type, true);
    }

    public Field withName(String newName) {
        return new Field(newName, type, nullable);
    }

    @Override
    public String toString() {
        return name + " " + type.sqlName() + (nullable ? "" : " NOT NULL");
    }
}
