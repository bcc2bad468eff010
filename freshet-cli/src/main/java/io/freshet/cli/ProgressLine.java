package io.freshet.cli;

import io.freshet.ProgressListener;
import java.io.PrintStream;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Shows a query's progress on a terminal's stderr, as Spark's console progress bar: once a query has
 * run for a second, a line of files read, bytes, rows and elapsed time, rewritten in place and erased
 * when the query ends.
 */
final class ProgressLine implements ProgressListener {
    private static final long DELAY_MILLIS = 1_000;
    private static final long REFRESH_MILLIS = 250;

    private final PrintStream err;
    private Thread painter;

    ProgressLine(PrintStream err) {
        this.err = err;
    }

    @Override
    public synchronized void queryStarted(Supplier<Progress> progress) {
        long start = System.nanoTime();
        painter = Thread.ofPlatform().daemon().name("freshet-progress").start(() -> paint(progress, start));
    }

    private void paint(Supplier<Progress> progress, long start) {
        boolean shown = false;
        try {
            Thread.sleep(DELAY_MILLIS);
            while (!Thread.currentThread().isInterrupted()) {
                Progress now = progress.get();
                double seconds = (System.nanoTime() - start) / 1e9;
                err.print(String.format(
                        Locale.ROOT,
                        "\r[files %d/%d] %s read, %,d rows, %.1f s   ",
                        now.splitsRead(),
                        now.splitsTotal(),
                        bytes(now.bytesRead()),
                        now.rowsRead(),
                        seconds));
                err.flush();
                shown = true;
                Thread.sleep(REFRESH_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (shown) {
                err.print("\r" + " ".repeat(70) + "\r");
                err.flush();
            }
        }
    }

    @Override
    public synchronized void queryFinished() {
        if (painter != null) {
            painter.interrupt();
            try {
                painter.join(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            painter = null;
        }
    }

    static String bytes(long count) {
        if (count < 1024) {
            return count + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double value = count;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
