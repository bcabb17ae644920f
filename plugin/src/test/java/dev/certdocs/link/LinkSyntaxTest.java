package dev.certdocs.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The syntax of links that are checked without being followed, and the shape of URLs before they are. */
class LinkSyntaxTest {

    @Test
    void acceptsTheUrlsBrowsersOpen() {
        for (String url : new String[] {"https://learn.microsoft.com/en-us/azure/", "http://127.0.0.1:8080/x?y=1#z",
                "https://[2001:db8::1]/status", "https://my_service.contoso.com", "HTTPS://Portal.Azure.com",
                "https://user:secret@host.example/", "https://bücher.example/", "https://example.com.", "https://x.example?q"}) {
            assertNull(LinkSyntax.httpUrl(url), url);
        }
    }

    @Test
    void saysWhatIsWrongWithAMalformedUrl() {
        assertEquals("the URL has no host", LinkSyntax.httpUrl("https:///path"));
        assertEquals("the URL holds white space; percent-encode it (%20)", LinkSyntax.httpUrl("https://a.example/a b"));
        assertEquals("'-bad-.example' is not a host name", LinkSyntax.httpUrl("https://-bad-.example/"));
        assertEquals("the URL has a ':' but no port after the host", LinkSyntax.httpUrl("https://a.example:/x"));
        assertEquals("a.example", LinkSyntax.host("https://A.Example:8443/x"));
    }

    @Test
    void readsHostsAndAddressesOfThousandsOfLabelsWithoutOverflowingTheStack() {
        // A repeated-group pattern recursed once per label: www.www.www… (the autolink extension
        // makes it a link) overflowed the stack of a link-checking thread.
        String host = "www.".repeat(20_000) + "example";
        assertNull(LinkSyntax.httpUrl("https://" + host + "/x"));
        assertNull(LinkSyntax.mailto("a@" + host));
        assertEquals("'a@" + "b.".repeat(20_000) + "' is not an e-mail address (name@example.com)",
                LinkSyntax.mailto("a@" + "b.".repeat(20_000)));
        assertEquals("'-a.example' is not a host name", LinkSyntax.httpUrl("https://-a.example/"));
        assertNull(LinkSyntax.httpUrl("https://my_host.example./"));
        assertEquals("'a@b_c.example' is not an e-mail address (name@example.com)", LinkSyntax.mailto("a@b_c.example"));
        assertNull(LinkSyntax.mailto("ünï@例え.jp"));
    }

    @Test
    void checksMailAndPhoneLinks() {
        assertNull(LinkSyntax.mailto("a@contoso.com,b.c@sub.contoso.com?subject=Hi%20there"));
        assertNull(LinkSyntax.mailto("first.last@contoso.com"));
        assertEquals("'a@contoso' is not an e-mail address (name@example.com)", LinkSyntax.mailto("a@contoso"));
        assertEquals("the mailto: link has no address", LinkSyntax.mailto("?subject=x"));
        assertNull(LinkSyntax.tel("+1 (800) 555-0100;ext=12"));
        assertNull(LinkSyntax.tel("+86%20400%20555%200168"));
        assertEquals("'12' is too short for a phone number", LinkSyntax.tel("12"));
    }

    @Test
    void checksPortalBlades() {
        assertNull(LinkSyntax.blade("Microsoft_Azure_Health.AzureHealthBrowseBlade"));
        assertNull(LinkSyntax.blade("Ext.Blade.id.%2Fsubscriptions%2Fx.scope.y"));
        assertEquals("the data-blade: link names no blade; write data-blade:Extension.BladeName", LinkSyntax.blade(""));
        assertEquals("'Ext.' needs at least Extension.BladeName", LinkSyntax.blade("Ext."));
        assertEquals("'Ext%20Name' is not a portal extension name (letters, digits, '_' and '-')",
                LinkSyntax.blade("Ext%20Name.Blade"));
        assertEquals("the data-blade: link holds white space; percent-encode it (%20)", LinkSyntax.blade("Ext.Blade.id.a b"));
    }
}
