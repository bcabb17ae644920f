package dev.certdocs.config;

import dev.certdocs.support.CertDocsException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The POM's {@code <cloudCatalog>} over the built-in clouds. */
class CloudCatalogTest {

    private static CloudSettings settings(String id, String name, String portalUrl) {
        return new CloudSettings(id, name, portalUrl, null, null, null, null, null, null);
    }

    @Test
    void aMistypedIdWithoutANameStopsTheBuildWithTheCloudItProbablyMeans() {
        var e = assertThrows(CertDocsException.class,
                () -> CloudCatalog.of(List.of(settings("usnatt", null, "https://portal.usnat.contoso"))));
        assertEquals("unknown cloud id 'usnatt' in <cloudCatalog>, did you mean 'usnat'? To add a new cloud, give it a <name>.",
                e.getMessage());
    }

    @Test
    void anUnknownIdWithoutANameAndNothingCloseListsTheKnownClouds() {
        var e = assertThrows(CertDocsException.class, () -> CloudCatalog.of(List.of(settings("contoso-lab", null, null))));
        assertEquals("unknown cloud id 'contoso-lab' in <cloudCatalog> (known: public, fairfax, mooncake, usnat, ussec, "
                + "blackforest). To add a new cloud, give it a <name>.", e.getMessage());
    }

    @Test
    void aNewIdWithANameAddsACloudAndAKnownIdNeedsNone() {
        CloudCatalog catalog = CloudCatalog.of(List.of(
                settings("contosolab", "Contoso lab", "https://portal.lab.contoso"),
                settings("USNAT", null, "https://portal.usnat.contoso")));
        assertEquals("Contoso lab", catalog.find("contosolab").orElseThrow().name());
        assertEquals("https://portal.usnat.contoso", catalog.find("usnat").orElseThrow().variables().get("portalUrl"));
    }
}
