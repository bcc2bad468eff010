package io.freshet.connector.file;

import io.freshet.ErrorCode;
import io.freshet.FreshetException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.freshet.util.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * Turns the paths a user gives into the data files to read, and data files into splits.
 *
 * <p>A path is a file, a directory (its regular files; subdirectories only with {@code recursiveFileLookup}),
 * or a glob with {@code *}, {@code ?}, {@code [abc]}, {@code [!abc]} and {@code {a,b}} in any segment, as
 * Hadoop's globs that Spark uses. Names starting with {@code _} or {@code .} ({@code _SUCCESS}, {@code
 * _temporary}, {@code .crc} files) are skipped in directory listings and glob matches, as Spark does. A
 * directory that holds a streaming file sink's manifest ({@link FileSinkManifest}, {@code _freshet_metadata})
 * lists as the files its manifest names, so that files of failed attempts are never read; as in Spark, a glob
 * that matches the data files themselves bypasses the manifest.
 */
public final class FilePaths {
    /** The split size the planner should use unless configured otherwise: 32 MiB. */
    public static final long DEFAULT_SPLIT_SIZE = 32L << 20;

    // As Hadoop's SPLIT_SLOP: a remainder up to 10% over the target stays in the last split.
    private static final double SPLIT_SLOP = 1.1;

    private FilePaths() {}

    /** The files of {@code path}, sorted, not recursing into subdirectories. */
    public static List<Path> expand(String path) {
        return expand(List.of(path), false);
    }

    /** The files of {@code path}, sorted. */
    public static List<Path> expand(String path, boolean recursiveFileLookup) {
        return expand(List.of(path), recursiveFileLookup);
    }

    /**
     * The files of all {@code paths}, sorted and without duplicates.
     *
     * @throws FreshetException with {@code PATH_NOT_FOUND} when a path or glob matches nothing
     */
    public static List<Path> expand(List<String> paths, boolean recursiveFileLookup) {
        requireNonNull(paths, "paths is null");
        TreeSet<Path> files = new TreeSet<>();
        for (String path : paths) {
            requireNonNull(path, "path is null");
            List<Path> matches = matches(stripScheme(path));
            if (matches.isEmpty()) {
                throw new FreshetException(ErrorCode.PATH_NOT_FOUND, "Path does not exist: " + path);
            }
            for (Path match : matches) {
                if (Files.isDirectory(match)) {
                    listFiles(match, recursiveFileLookup, files);
                } else {
                    files.add(match);
                }
            }
        }
        return List.copyOf(files);
    }

    /**
     * Splits files into byte ranges of about {@code targetSize} bytes. Gzip files are never split; the last
     * range of a file may be up to 10% larger than the target, as in Hadoop.
     */
    public static List<FileSplit> splits(List<Path> files, long targetSize) {
        return splits(files, targetSize, true);
    }

    /**
     * Splits files into byte ranges; with {@code splittable} false (multiLine reads, custom line separators) each
     * file is one split.
     */
    public static List<FileSplit> splits(List<Path> files, long targetSize, boolean splittable) {
        checkArgument(targetSize > 0, "targetSize must be positive: %s", targetSize);
        List<FileSplit> splits = new ArrayList<>();
        for (Path file : files) {
            long size = size(file);
            if (!splittable || isGzip(file) || size <= targetSize * SPLIT_SLOP) {
                splits.add(new FileSplit(file, 0, size, false));
                continue;
            }
            long start = 0;
            while (size - start > targetSize * SPLIT_SLOP) {
                splits.add(new FileSplit(file, start, targetSize, true));
                start += targetSize;
            }
            splits.add(new FileSplit(file, start, size - start, true));
        }
        return List.copyOf(splits);
    }

    static boolean isGzip(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().endsWith(".gz");
    }

    static boolean isHidden(Path path) {
        Path name = path.getFileName();
        if (name == null) {
            return false;
        }
        String text = name.toString();
        return text.startsWith("_") || text.startsWith(".");
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new FreshetException(
                    ErrorCode.IO_ERROR, "Cannot read the size of " + file + ": " + e.getMessage(), e);
        }
    }

    static String stripScheme(String path) {
        if (path.startsWith("file://")) {
            return path.substring("file://".length());
        }
        if (path.startsWith("file:")) {
            return path.substring("file:".length());
        }
        return path;
    }

    private static void listFiles(Path directory, boolean recursive, TreeSet<Path> files) {
        if (FileSinkManifest.existsIn(directory)) {
            // The output of a streaming file sink: only the files its manifest lists are committed data.
            files.addAll(new FileSinkManifest(directory).files());
            return;
        }
        try (Stream<Path> children = Files.list(directory)) {
            for (Path child : children.sorted().toList()) {
                if (isHidden(child)) {
                    continue;
                }
                if (Files.isDirectory(child)) {
                    if (recursive) {
                        listFiles(child, true, files);
                    }
                } else if (Files.isRegularFile(child)) {
                    files.add(child);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + directory, e);
        }
    }

    /** The existing paths a path or glob names. */
    private static List<Path> matches(String path) {
        if (!hasGlob(path)) {
            Path plain = Paths.get(path);
            return Files.exists(plain) ? List.of(plain) : List.of();
        }
        String[] segments = path.split("/", -1);
        int first = 0;
        while (!hasGlob(segments[first])) {
            first++;
        }
        String prefix = String.join("/", java.util.Arrays.copyOf(segments, first));
        Path base = prefix.isEmpty() ? Paths.get(path.startsWith("/") ? "/" : ".") : Paths.get(prefix);
        List<Path> current = Files.isDirectory(base) ? List.of(base) : List.of();
        for (int i = first; i < segments.length && !current.isEmpty(); i++) {
            String segment = segments[i];
            if (segment.isEmpty()) {
                continue;
            }
            List<Path> next = new ArrayList<>();
            if (!hasGlob(segment)) {
                for (Path parent : current) {
                    Path child = parent.resolve(segment);
                    if (Files.exists(child)) {
                        next.add(child);
                    }
                }
            } else {
                Pattern pattern = globToRegex(segment);
                boolean matchHidden = segment.startsWith("_") || segment.startsWith(".");
                for (Path parent : current) {
                    if (!Files.isDirectory(parent)) {
                        continue;
                    }
                    try (Stream<Path> children = Files.list(parent)) {
                        for (Path child : children.sorted().toList()) {
                            String name = child.getFileName().toString();
                            if ((matchHidden || !isHidden(child))
                                    && pattern.matcher(name).matches()) {
                                next.add(child);
                            }
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException("Cannot list " + parent, e);
                    }
                }
            }
            current = next;
        }
        if (prefix.isEmpty() && !path.startsWith("/")) {
            // Relative globs: drop the "./" that listing "." adds.
            List<Path> relative = new ArrayList<>();
            for (Path match : current) {
                relative.add(Paths.get(".").relativize(match));
            }
            return relative;
        }
        return current;
    }

    static boolean hasGlob(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == '{') {
                return true;
            }
        }
        return false;
    }

    /** The regular expression of one glob segment. */
    static Pattern globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        int braces = 0;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> regex.append("[^/]*");
                case '?' -> regex.append("[^/]");
                case '{' -> {
                    braces++;
                    regex.append("(?:");
                }
                case '}' -> {
                    if (braces > 0) {
                        braces--;
                        regex.append(')');
                    } else {
                        regex.append("\\}");
                    }
                }
                case ',' -> regex.append(braces > 0 ? "|" : ",");
                case '\\' -> {
                    if (i + 1 < glob.length()) {
                        regex.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
                    } else {
                        regex.append("\\\\");
                    }
                }
                case '[' -> {
                    int close = glob.indexOf(']', i + 2);
                    if (close < 0) {
                        regex.append("\\[");
                        break;
                    }
                    String body = glob.substring(i + 1, close);
                    regex.append('[');
                    if (body.startsWith("!") || body.startsWith("^")) {
                        regex.append('^');
                        body = body.substring(1);
                    }
                    for (int j = 0; j < body.length(); j++) {
                        char b = body.charAt(j);
                        if (b == '\\' || b == '[' || b == ']' || b == '^' || b == '&') {
                            regex.append('\\');
                        }
                        regex.append(b);
                    }
                    regex.append(']');
                    i = close;
                }
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        if (braces > 0) {
            throw new FreshetException(ErrorCode.INVALID_ARGUMENT, "Unclosed '{' in glob pattern: " + glob);
        }
        return Pattern.compile(regex.toString());
    }
}
