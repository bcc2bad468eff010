package io.freshet.sql.ast;

import io.freshet.plan.parsed.Position;
import io.freshet.types.DataType;
import io.freshet.types.Field;

import static java.util.Objects.requireNonNull;

/** A column of {@code CREATE TABLE}: {@code name type [NOT NULL] [COMMENT 'text']}; comment may be null. */
public record ColumnDefinition(String name, DataType type, boolean nullable, String comment, Position position) {
    public ColumnDefinition {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
    }

    public Field toField() {
        return new Field(name, type, nullable);
    }
}
