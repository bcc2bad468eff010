package io.freshet.connector.file;

/** The text file formats this package reads and writes. */
public enum FileFormat {
    CSV("csv"),
    JSON("json");

    private final String extension;

    FileFormat(String extension) {
        this.extension = extension;
    }

    /** The extension of part files, without the dot. */
    public String extension() {
        return extension;
    }
}
