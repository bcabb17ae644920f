package dev.certdocs.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certdocs.testing.RecordingLog;
import java.lang.management.ManagementFactory;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/** The compiler directive is in force while a goal holds it, shared by goals that overlap, and gone after. */
// The directives are the JVM's: one stack for every test of this JVM (the tests run one at a time).
class QuickJitTest {

    @Test
    void theDirectiveNamesCertdocsAndItsRenderingLibrariesOnlyWhileAGoalHoldsIt() throws Exception {
        assertFalse(inForce(), "no directive before");
        try (QuickJit jit = QuickJit.start(new RecordingLog())) {
            String printed = directives();
            assertTrue(inForce(), printed);
            for (String pkg : new String[] {"dev/certdocs/", "com/vladsch/flexmark/", "org/jsoup/", "freemarker/"}) {
                assertTrue(printed.contains(pkg + "*.*"), pkg + " in " + printed);
            }
            assertFalse(printed.contains("com/fasterxml"), "libraries other plugins share stay as they are: " + printed);
        }
        assertFalse(inForce(), "removed when the goal ends");
    }

    @Test
    void overlappingGoalsShareOneDirectiveAndTheLastToEndRemovesIt() throws Exception {
        RecordingLog log = new RecordingLog();
        QuickJit first = QuickJit.start(log);
        QuickJit second = QuickJit.start(log);
        assertEquals(1, count(), directives());
        first.close();
        assertTrue(inForce(), "still held by the second goal");
        first.close(); // closing twice does not end the other goal's hold
        assertTrue(inForce(), "a second close of the same goal changes nothing");
        second.close();
        assertFalse(inForce(), "gone after the last goal");
    }

    private static boolean inForce() throws Exception {
        return count() > 0;
    }

    private static int count() throws Exception {
        String printed = directives();
        int n = 0;
        for (int i = printed.indexOf("dev/certdocs/*.*"); i >= 0; i = printed.indexOf("dev/certdocs/*.*", i + 1)) n++;
        return n;
    }

    private static String directives() throws Exception {
        return String.valueOf(ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesPrint",
                new Object[] {new String[0]}, new String[] {String[].class.getName()}));
    }
}
