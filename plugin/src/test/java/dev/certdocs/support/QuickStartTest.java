package dev.certdocs.support;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The quick start's compiler directive is taken by HotSpot (the JVM the tests and CI run on) and
 * removed by {@code close}, once. (HotSpot prints its directives to the JVM's own output, out of a
 * test's reach; what it answers to adding one is checked.)
 */
class QuickStartTest {

    @Test
    void hotSpotTakesTheDirectiveUntilClosed() {
        QuickStart quick = QuickStart.begin(BuildLog.SILENT);
        assertTrue(quick.active(), "HotSpot did not take the compiler directive");
        quick.close();
        assertFalse(quick.active());
        quick.close();
        assertFalse(quick.active());
    }

    @Test
    void twoInARowEachTakeTheirsAndGiveItBack() {
        try (QuickStart first = QuickStart.begin(BuildLog.SILENT); QuickStart second = QuickStart.begin(BuildLog.SILENT)) {
            assertTrue(first.active());
            assertTrue(second.active());
        }
    }
}
