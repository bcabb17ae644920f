package dev.certdocs.support;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * A start-up without HotSpot's optimising compiler. In a cold JVM, C2 compiles thousands of
 * methods while a goal starts, and on a small machine it takes the cores the start-up needs:
 * measured on 2 cores, the preview's first page took 7–8 s of CPU with C2 and 4–5 s with the
 * quick compiler (C1) alone. {@link #begin} adds a compiler directive that keeps C2 away from
 * every method (HotSpot's {@code Compiler.directives_add}, the diagnostic command the JDK
 * exposes as an MBean); {@link #close} removes it, and C2 compiles what stays hot from then on.
 * Without HotSpot's diagnostic commands (another JVM) both do nothing.
 */
public final class QuickStart implements AutoCloseable {

    private static final String DIAGNOSTICS = "com.sun.management:type=DiagnosticCommand";
    private static final String[] SIGNATURE = {String[].class.getName()};
    /** The directive's own matcher: no other tool's directive names this exact pattern. */
    private static final String DIRECTIVE = "[{ match: \"*.*\", c2: { Exclude: true } }]";

    private final BuildLog log;
    private boolean active;

    private QuickStart(BuildLog log, boolean active) {
        this.log = log;
        this.active = active;
    }

    /** Keeps C2 away until {@link #close}; a JVM that cannot do so starts as it would. */
    public static QuickStart begin(BuildLog log) {
        Path file = null;
        try {
            file = Files.createTempFile("certdocs-quick-start-", ".json");
            Files.writeString(file, DIRECTIVE);
            Object added = invoke("compilerDirectivesAdd", file.toString());
            boolean ok = String.valueOf(added).startsWith("1 compiler directives added");
            if (!ok) log.debug("certdocs: the quick start's compiler directive was not taken: " + added);
            return new QuickStart(log, ok);
        } catch (IOException | JMException | RuntimeException e) {
            log.debug("certdocs: no quick start (" + e + ")");
            return new QuickStart(log, false);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // a temporary file left behind: harmless
                }
            }
        }
    }

    /** Whether the directive is in force (HotSpot took it, and it was not removed yet). */
    public synchronized boolean active() {
        return active;
    }

    /** C2 compiles again (the directive added last is removed). Once; later calls do nothing. */
    @Override
    public synchronized void close() {
        if (!active) return;
        active = false;
        try {
            invoke("compilerDirectivesRemove");
        } catch (JMException | RuntimeException e) {
            log.debug("certdocs: the quick start's compiler directive could not be removed (" + e + ")");
        }
    }

    private static Object invoke(String operation, String... args) throws JMException {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        return server.invoke(new ObjectName(DIAGNOSTICS), operation, new Object[] {args}, SIGNATURE);
    }
}
