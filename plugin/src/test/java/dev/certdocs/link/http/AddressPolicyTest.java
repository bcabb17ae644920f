package dev.certdocs.link.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certdocs.link.http.AddressPolicy.Endpoint;
import dev.certdocs.link.http.AddressPolicy.Kind;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The address policy as a pure function of addresses. Every address here is an IP literal
 * parsed by the JDK, or made from its bytes: nothing is looked up and nothing is connected to.
 */
class AddressPolicyTest {

    private static final AddressPolicy STANDARD = AddressPolicy.of(false, false);

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "169.254.169.254, LINK_LOCAL", "169.254.0.1, LINK_LOCAL", "169.253.255.255, PUBLIC", "169.255.0.1, PUBLIC",
            "fe80::1, LINK_LOCAL", "febf:ffff::1, LINK_LOCAL", "fec0::1, PRIVATE",
            "::ffff:169.254.1.1, LINK_LOCAL", "::169.254.1.1, LINK_LOCAL", "64:ff9b::a9fe:a9fe, LINK_LOCAL",
            "fd00:ec2::254, METADATA", "100.100.100.200, METADATA", "168.63.129.16, METADATA",
            "10.0.0.1, PRIVATE", "172.16.0.1, PRIVATE", "172.31.255.255, PRIVATE", "172.32.0.1, PUBLIC",
            "192.168.1.1, PRIVATE", "100.64.0.1, PRIVATE", "100.127.255.255, PRIVATE", "100.128.0.1, PUBLIC",
            "fc00::1, PRIVATE", "fd12:3456::1, PRIVATE", "::ffff:10.1.2.3, PRIVATE",
            "127.0.0.1, LOOPBACK", "127.255.255.254, LOOPBACK", "0.0.0.0, LOOPBACK", "::1, LOOPBACK", ":: , LOOPBACK",
            "::ffff:127.0.0.1, LOOPBACK",
            "8.8.8.8, PUBLIC", "2001:4860:4860::8888, PUBLIC", "64:ff9b::808:808, PUBLIC"})
    void classifiesEachAddress(String literal, Kind kind) throws Exception {
        assertEquals(kind, AddressPolicy.kind(ip(literal)));
    }

    @Test
    void anIpv4MappedAddressKeptAsIpv6BytesIsJudgedAsItsIpv4Address() throws Exception {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = (byte) 169;
        mapped[13] = (byte) 254;
        mapped[14] = (byte) 169;
        mapped[15] = (byte) 254;
        InetAddress six = Inet6Address.getByAddress(null, mapped, -1);

        assertTrue(six instanceof Inet6Address);
        assertEquals(Kind.LINK_LOCAL, AddressPolicy.kind(six));
    }

    @Test
    void refusesALinkLocalOrMetadataAddressLinkedOrRedirectedTo() throws Exception {
        assertEquals("169.254.169.254 is a link-local address; certdocs.linkAllowLinkLocal=true allows it",
                STANDARD.refusal(at("169.254.169.254"), null));
        assertEquals("fe80::1 is a link-local address; certdocs.linkAllowLinkLocal=true allows it",
                STANDARD.refusal(at("[fe80::1]"), null));
        assertEquals("fd00:ec2::254 is a cloud metadata address; certdocs.linkAllowLinkLocal=true allows it",
                STANDARD.refusal(at("[fd00:ec2::254]"), null));
        assertEquals("metadata.google.internal resolves to the link-local address 169.254.169.254;"
                + " certdocs.linkAllowLinkLocal=true allows it", STANDARD.refusal(named("metadata.google.internal",
                "169.254.169.254"), null));
        assertEquals("169.254.169.254 is a link-local address; certdocs.linkAllowLinkLocal=true allows it",
                STANDARD.refusal(at("169.254.169.254"), at("10.0.0.1")), "redirected to from anywhere");
        assertEquals("169.254.169.254 is a link-local address; certdocs.linkAllowLinkLocal=true allows it",
                AddressPolicy.of(false, true).refusal(at("169.254.169.254"), at("8.8.8.8")));
    }

    @Test
    void judgesEveryAddressOfAHostNotOnlyTheFirst() throws Exception {
        assertEquals("docs.example resolves to the link-local address 169.254.169.254; certdocs.linkAllowLinkLocal=true"
                + " allows it", STANDARD.refusal(named("docs.example", "8.8.4.4", "169.254.169.254"), null));
    }

    @Test
    void aNumericHostIsJudgedByTheAddressItMeans() throws Exception {
        // 2852039166 is 169.254.169.254 as one number, which the JDK parses without a look-up
        Endpoint e = AddressPolicy.endpoint(new URI("http://2852039166/latest/meta-data/"), InetAddress::getAllByName);

        assertEquals(new Endpoint("2852039166", List.of(ip("169.254.169.254")), 80), e);
        assertEquals("2852039166 resolves to the link-local address 169.254.169.254; certdocs.linkAllowLinkLocal=true"
                + " allows it", STANDARD.refusal(e, null));
    }

    @Test
    void allowLinkLocalAllowsThem() throws Exception {
        AddressPolicy open = AddressPolicy.of(true, false);

        assertNull(open.refusal(at("169.254.169.254"), null));
        assertNull(open.refusal(at("[fe80::1]"), at("8.8.8.8")));
    }

    @Test
    void aLinkToAPrivateOrLoopbackAddressIsAllowed() throws Exception {
        assertNull(STANDARD.refusal(at("10.0.0.1"), null));
        assertNull(STANDARD.refusal(at("127.0.0.1"), null));
        assertNull(STANDARD.refusal(at("8.8.8.8"), null));
    }

    @Test
    void aRedirectFromAPublicAddressToAPrivateOrLoopbackOneIsRefused() throws Exception {
        assertEquals("a redirect from the public address 8.8.8.8 to the private address 10.0.0.1 is not followed;"
                + " certdocs.linkFollowRedirectsToPrivate=true allows it", STANDARD.refusal(at("10.0.0.1"), at("8.8.8.8")));
        assertEquals("a redirect from the public address 8.8.8.8 to the loopback address 127.0.0.1 is not followed;"
                + " certdocs.linkFollowRedirectsToPrivate=true allows it", STANDARD.refusal(at("127.0.0.1"), at("8.8.8.8")));
        assertEquals("a redirect from docs.example (public address 93.184.216.34) to intranet.example (private address"
                + " 10.1.2.3) is not followed; certdocs.linkFollowRedirectsToPrivate=true allows it",
                STANDARD.refusal(named("intranet.example", "10.1.2.3"), named("docs.example", "93.184.216.34")));
        assertEquals("a redirect from the public address 2001:4860:4860::8888 to the private address fd12::1 is not"
                + " followed; certdocs.linkFollowRedirectsToPrivate=true allows it",
                STANDARD.refusal(at("[fd12::1]"), at("[2001:4860:4860::8888]")));
    }

    @Test
    void aHostWithAnyPublicAddressIsPublicForItsRedirects() throws Exception {
        assertEquals("a redirect from mixed.example (public address 8.8.8.8) to the private address 10.0.0.2 is not"
                + " followed; certdocs.linkFollowRedirectsToPrivate=true allows it",
                STANDARD.refusal(at("10.0.0.2"), named("mixed.example", "10.0.0.1", "8.8.8.8")));
    }

    @Test
    void aRedirectThatStaysInsideOrGoesOutIsFollowed() throws Exception {
        assertNull(STANDARD.refusal(at("10.0.0.2"), at("10.0.0.1")));
        assertNull(STANDARD.refusal(at("127.0.0.1"), at("127.0.0.1")));
        assertNull(STANDARD.refusal(at("8.8.8.8"), at("10.0.0.1")));
        assertNull(STANDARD.refusal(at("8.8.4.4"), at("8.8.8.8")));
    }

    @Test
    void followRedirectsToPrivateAllowsThem() throws Exception {
        assertNull(AddressPolicy.of(false, true).refusal(at("10.0.0.1"), at("8.8.8.8")));
    }

    @Test
    void writesIpv6AddressesShort() throws Exception {
        assertEquals("::", AddressPolicy.text(ip("::")));
        assertEquals("::1", AddressPolicy.text(ip("::1")));
        assertEquals("fe80::1", AddressPolicy.text(ip("fe80::1")));
        assertEquals("2001:db8::", AddressPolicy.text(ip("2001:db8::")));
        assertEquals("1:0:0:1::1", AddressPolicy.text(ip("1:0:0:1:0:0:0:1")));
        assertEquals("1:0:1:0:1:0:1:0", AddressPolicy.text(ip("1:0:1:0:1:0:1:0")));
        assertEquals("10.0.0.1", AddressPolicy.text(ip("10.0.0.1")));
    }

    // ---------------------------------------------------------------- helpers

    /** An IP literal, parsed by the JDK without a look-up (a name here is a mistake in the test). */
    private static InetAddress ip(String literal) throws UnknownHostException {
        String s = literal.strip();
        if (!s.matches("[0-9a-fA-F:.\\[\\]]+")) throw new IllegalArgumentException("not an IP literal: " + literal);
        return InetAddress.getByName(s);
    }

    /** The endpoint of a URL whose host is the literal {@code host}. */
    private static Endpoint at(String host) throws UnknownHostException {
        return new Endpoint(host, List.of(ip(host)), 80);
    }

    /** The endpoint of a URL whose host is the name {@code host}, resolving to {@code addresses}. */
    private static Endpoint named(String host, String... addresses) throws UnknownHostException {
        InetAddress[] all = new InetAddress[addresses.length];
        for (int i = 0; i < addresses.length; i++) all[i] = ip(addresses[i]);
        return new Endpoint(host, Arrays.asList(all), 443);
    }
}
