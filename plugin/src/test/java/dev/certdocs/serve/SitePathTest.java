package dev.certdocs.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which request paths name a place in the site, and which are refused before anything is looked up. */
class SitePathTest {

    @Test
    void splitsAPathIntoDecodedSegments() {
        assertEquals(Optional.of(List.of("public", "1.0.0", "compute", "a b.html")), SitePath.parse("/public/1.0.0/compute/a%20b.html"));
        assertEquals(Optional.of(List.of("public", "1.0.0", "compute", "index.html")), SitePath.parse("/public/1.0.0/compute/"));
        assertEquals(Optional.of(List.of()), SitePath.parse("/"));
        assertEquals(Optional.of(List.of("public", "1.0.0", "c++.html")), SitePath.parse("/public/1.0.0/c++.html"));
        assertEquals(Optional.of(List.of("public", "1.0.0", "caf\u00e9.html")), SitePath.parse("/public/1.0.0/caf%C3%A9.html"));
    }

    @Test
    void refusesEveryWayOutOfTheSite() {
        for (String path : List.of("/public/1.0.0/../../../etc/passwd", "/public/..", "/..", "/public/./x.html",
                "/public/1.0.0/%2e%2e/%2e%2e/etc/passwd", "/public/1.0.0/%2E%2E/x", "/public/1.0.0/.%2e/x",
                "/public/1.0.0/%252e%252e/x", "/public/1.0.0/..%2fx", "/public/1.0.0/%2f/etc/passwd",
                "/public/1.0.0/..%5c..%5cwindows", "/public/1.0.0/a\\b", "//etc/passwd", "///etc/passwd",
                "/public//etc/passwd", "/public/1.0.0/C:/Windows/win.ini", "/C:%5cWindows", "/public/1.0.0/%00.html",
                "/public/1.0.0/a%0d%0ab", "/public/1.0.0/%zz", "/public/1.0.0/%e", "/public/1.0.0/%C3%28.html",
                "etc/passwd", "")) {
            assertTrue(SitePath.parse(path).isEmpty(), path);
        }
    }

    @Test
    void namesTheMediaTypeByExtension() {
        assertEquals("text/html; charset=utf-8", SitePath.contentType("compute/a.HTML"));
        assertEquals("text/javascript; charset=utf-8", SitePath.contentType("search/index.js"));
        assertEquals("image/png", SitePath.contentType("media/x.png"));
        assertEquals("application/octet-stream", SitePath.contentType("media/x"));
    }
}
