package dev.certdocs.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.certdocs.support.CertDocsException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's source link pattern passes the page URL allow-list before any page is written with it. */
class SourceUrlTest {

    @TempDir
    Path repo;

    private String built(String pattern) {
        return BuildConfig.builder(repo).sourceUrl(pattern).build().sourceUrl();
    }

    @Test
    void keepsAnHttpsPatternWithPathAndLine() {
        assertEquals("https://git.example.com/docs/blob/main/{path}#L{line}",
                built(" https://git.example.com/docs/blob/main/{path}#L{line} "));
    }

    @Test
    void keepsARelativePatternSoTheReportCanOpenTheFilesBesideIt() {
        assertEquals("../../{path}", built("../../{path}"));
    }

    @Test
    void noPatternOrABlankOneMeansNoLinks() {
        assertNull(built(null));
        assertNull(built("  "));
    }

    @Test
    void refusesAJavascriptPatternHoweverItIsSpelled() {
        assertEquals("sourceUrl 'javascript:alert({path})' is refused (a javascript: URL): give an http(s) or"
                + " relative URL pattern with {path} and {line}",
                assertThrows(CertDocsException.class, () -> built("javascript:alert({path})")).getMessage());
        assertEquals("sourceUrl 'java&#9;script:fetch(\"{path}\")' is refused (a javascript: URL): give an http(s) or"
                + " relative URL pattern with {path} and {line}",
                assertThrows(CertDocsException.class, () -> built("java&#9;script:fetch(\"{path}\")")).getMessage());
    }

    @Test
    void refusesAPatternWithoutPath() {
        assertEquals("sourceUrl 'https://git.example.com/docs' has no {path}: give a URL pattern such as"
                + " https://git.example.com/docs/blob/main/{path}#L{line}",
                assertThrows(CertDocsException.class, () -> built("https://git.example.com/docs")).getMessage());
    }
}
