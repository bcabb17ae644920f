package dev.certdocs.support;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Keeps HotSpot's optimizing compiler (C2) off certdocs' code and the libraries it renders with,
 * for the length of one goal: their hot methods are compiled by the quick compiler (C1) only.
 *
 * <p>A {@code generate} of a real-sized repository is a cold JVM that runs for about a minute. In
 * such a run C2 spends a quarter of the CPU time compiling (JFR: 61 s of compiler threads in a
 * 74 s run on two cores), and its faster code does not earn that back before the run ends
 * (docs/performance.md, "The JIT"). A content repository could set {@code -XX:TieredStopAtLevel=1}
 * in {@code .mvn/jvm.config}, but that slows every other plugin of the build too and needs every
 * repository to know it. A compiler directive added at run time ({@code Compiler.directives_add},
 * through the platform's {@code DiagnosticCommand} MBean, as {@code jcmd} does) reaches only the
 * packages named here, and is removed when the goal ends; methods compiled meanwhile stay as
 * compiled. Goals running at the same time in one Maven ({@code -T}) share one directive.
 *
 * <p>Where the JVM offers no such command (not HotSpot, the {@code jdk.management} module left
 * out), nothing happens: the JIT stays as the JVM has it.
 */
public final class QuickJit implements AutoCloseable {

    /** Certdocs and the libraries of its hot path; not Jackson or Maven's own code, which other plugins share. */
    static final String DIRECTIVE = "[{ match: [\"dev/certdocs/*.*\", \"com/vladsch/flexmark/*.*\", "
            + "\"org/jsoup/*.*\", \"freemarker/*.*\"], c2: { Exclude: true } }]";

    private static final Object LOCK = new Object();
    private static int users;

    private final BuildLog log;
    /** Whether this goal counts among the directive's users (false: it could not be added). */
    private boolean holding;

    private QuickJit(BuildLog log, boolean holding) {
        this.log = log;
        this.holding = holding;
    }

    /** Puts the directive in force (or joins the goal that did) until {@link #close}. */
    public static QuickJit start(BuildLog log) {
        synchronized (LOCK) {
            if (users == 0 && !add(log)) return new QuickJit(log, false);
            users++;
            return new QuickJit(log, true);
        }
    }

    private static boolean add(BuildLog log) {
        Path file = null;
        try {
            file = Files.createTempFile("certdocs-jit-", ".json");
            Files.writeString(file, DIRECTIVE, StandardCharsets.UTF_8);
            String said = command("compilerDirectivesAdd", file.toString());
            log.debug("certdocs: C2 off certdocs' code for this goal: " + said.strip());
            return said.contains("added");
        } catch (JMException | java.io.IOException | RuntimeException e) {
            log.debug("certdocs: the JIT stays as the JVM has it (" + e + ")");
            return false;
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (java.io.IOException e) {
                    // a temporary file of a few bytes: the system's cleaning removes it
                }
            }
        }
    }

    private static String command(String operation, String... args) throws JMException {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        Object said = server.invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"), operation,
                new Object[] {args}, new String[] {String[].class.getName()});
        return String.valueOf(said);
    }

    @Override
    public void close() {
        synchronized (LOCK) {
            if (!holding) return;
            holding = false;
            if (--users > 0) return;
            try {
                command("compilerDirectivesRemove");
            } catch (JMException | RuntimeException e) {
                log.debug("certdocs: the compiler directive stays until Maven ends (" + e + ")");
            }
        }
    }
}
