package io.freshet.cli;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static java.util.Objects.requireNonNull;

/**
 * Turns Ctrl-C (SIGINT) and SIGTERM into a clean stop while a streaming command runs: the first signal calls the
 * stop action (stop after the current micro-batch) and lets the command exit with its own code; a second signal
 * exits at once with 130, for a micro-batch that takes too long. The previous handlers come back on {@link #close}.
 *
 * <p>The JVM's own handling would run shutdown hooks and exit with 130 or 143 whatever they do, so the handlers
 * are replaced through {@code sun.misc.Signal} (module {@code jdk.unsupported}, present in every JDK). It is
 * reached by reflection, so that the build does not depend on an internal API; without it, a shutdown hook stops
 * the queries and halts with 0.
 */
final class StopSignals implements AutoCloseable {
    private static final List<String> SIGNALS = List.of("INT", "TERM");
    private static final int EXIT_ON_SECOND_SIGNAL = 130;

    private final Runnable stop;
    private final AtomicBoolean signalled = new AtomicBoolean();
    private final List<Object[]> previous = new ArrayList<>();
    private Thread shutdownHook;

    private StopSignals(Runnable stop) {
        this.stop = requireNonNull(stop, "stop is null");
    }

    /** Installs the handlers; {@code stop} runs on a signal's own thread and may block until the stop is done. */
    static StopSignals install(Runnable stop) {
        StopSignals signals = new StopSignals(stop);
        if (!signals.installSignalHandlers()) {
            signals.installShutdownHook();
        }
        return signals;
    }

    /** Whether a signal asked to stop. */
    boolean signalled() {
        return signalled.get();
    }

    private void onSignal() {
        if (signalled.compareAndSet(false, true)) {
            stop.run();
        } else {
            Runtime.getRuntime().halt(EXIT_ON_SECOND_SIGNAL);
        }
    }

    private boolean installSignalHandlers() {
        try {
            Class<?> signalClass = Class.forName("sun.misc.Signal");
            Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            Method handle = signalClass.getMethod("handle", signalClass, handlerClass);
            InvocationHandler calls = (proxy, method, args) -> switch (method.getName()) {
                case "handle" -> {
                    onSignal();
                    yield null;
                }
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                case "toString" -> "StopSignals";
                default -> throw new UnsupportedOperationException(method.getName());
            };
            Object handler =
                    Proxy.newProxyInstance(StopSignals.class.getClassLoader(), new Class<?>[] {handlerClass}, calls);
            for (String name : SIGNALS) {
                Object signal = signalClass.getConstructor(String.class).newInstance(name);
                Object old = handle.invoke(null, signal, handler);
                previous.add(new Object[] {handle, signal, old});
            }
            return true;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // No sun.misc.Signal, or the signal is taken (e.g. -Xrs): fall back to the shutdown hook.
            restoreSignalHandlers();
            return false;
        }
    }

    private void installShutdownHook() {
        shutdownHook = new Thread(
                () -> {
                    signalled.set(true);
                    stop.run();
                    Runtime.getRuntime().halt(FreshetCli.OK);
                },
                "freshet-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    private void restoreSignalHandlers() {
        for (Object[] installed : previous) {
            try {
                ((Method) installed[0]).invoke(null, installed[1], installed[2]);
            } catch (ReflectiveOperationException | RuntimeException e) {
                // Restoring is best effort: the command is ending.
            }
        }
        previous.clear();
    }

    @Override
    public void close() {
        restoreSignalHandlers();
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // Already shutting down: the hook is running and ends the JVM itself.
            }
        }
    }
}
