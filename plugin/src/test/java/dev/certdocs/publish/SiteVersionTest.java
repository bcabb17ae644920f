package dev.certdocs.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SiteVersionTest {

    private static List<String> newestFirst(String... names) {
        return Stream.of(names).map(SiteVersion::parse).sorted(Comparator.<SiteVersion>naturalOrder().reversed())
                .map(SiteVersion::name).toList();
    }

    @Test
    void ordersNumbersAsNumbers() {
        assertEquals(List.of("1.10.0", "1.9.0", "1.2", "1.1.9"), newestFirst("1.9.0", "1.1.9", "1.10.0", "1.2"));
    }

    @Test
    void putsPreReleasesAndSnapshotsBelowTheirRelease() {
        assertEquals(List.of("2.0.0", "2.0.0-rc.2", "2.0.0-rc.1", "2.0.0-beta", "2.0.0-SNAPSHOT", "1.9.0"),
                newestFirst("2.0.0-SNAPSHOT", "2.0.0-rc.1", "1.9.0", "2.0.0", "2.0.0-beta", "2.0.0-rc.2"));
    }

    @Test
    void putsNamesThatAreNotVersionsBelowEveryVersion() {
        assertEquals(List.of("0.0.1", "preview", "main"), newestFirst("main", "0.0.1", "preview"));
    }

    @Test
    void marksTheNewestReleaseLatestAndTheNewestVersionWhenThereIsNoRelease() {
        assertEquals("1.1.0", Versions.latest(Stream.of("1.2.0-SNAPSHOT", "1.1.0", "1.0.0").map(SiteVersion::parse)
                .sorted(Comparator.<SiteVersion>naturalOrder().reversed()).toList()).orElseThrow().name());
        assertEquals("1.0.0-rc.1", Versions.latest(Stream.of("1.0.0-rc.1", "0.9.0-SNAPSHOT").map(SiteVersion::parse)
                .sorted(Comparator.<SiteVersion>naturalOrder().reversed()).toList()).orElseThrow().name());
    }
}
