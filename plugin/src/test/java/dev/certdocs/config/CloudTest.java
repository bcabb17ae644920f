package dev.certdocs.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CloudTest {

    private final Cloud usnat = new Cloud("usnat", "US Nat", Map.of("portalUrl", "https://portal.usnat.example/",
            "docsUrl", "https://Docs.USNAT.example/help"), List.of(), true,
            List.of("status.contoso.example", "*.eaglex.ic.gov"), false);

    @Test
    void reachesItsPortalAndDocumentationHostsIgnoringCase() {
        assertTrue(usnat.reaches("portal.usnat.example"));
        assertTrue(usnat.reaches("docs.usnat.example"));
        assertTrue(usnat.reaches("PORTAL.usnat.example"));
    }

    @Test
    void reachesAllowedHostsExactlyOrUnderAWildcard() {
        assertTrue(usnat.reaches("status.contoso.example"));
        assertTrue(usnat.reaches("a.b.eaglex.ic.gov"));
        assertFalse(usnat.reaches("eaglex.ic.gov"), "*.x covers the hosts under x, not x itself");
        assertFalse(usnat.reaches("noteaglex.ic.gov"));
        assertFalse(usnat.reaches("learn.microsoft.com"));
        assertFalse(usnat.reaches(null));
    }
}
