package io.freshet.connector.file;

/** The compression of written part files; reading detects gzip by the {@code .gz} file name suffix. */
public enum Compression {
    NONE(""),
    GZIP(".gz");

    private final String extension;

    Compression(String extension) {
        this.extension = extension;
    }

    /** The suffix added to part file names, e.g. {@code .gz}; empty for none. */
    public String extension() {
        return extension;
    }
}
