package dev.certdocs.link.http;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Which addresses the link checker may connect to (docs/design.md §5), decided before every request on
 * the addresses the request's host resolves to. A link in an untrusted pull request must not
 * steer a CI runner at its cloud's metadata service or, through a redirect from a public site,
 * at the runner's own network.
 *
 * <p>The standard policy ({@link #of}) guarantees, unless its switches turn a rule off:
 * <ul>
 *   <li>no connection to a link-local address (169.254.0.0/16, fe80::/10) or to a well-known
 *       cloud metadata address outside that range (fd00:ec2::254, 100.100.100.200,
 *       168.63.129.16), whether linked or redirected to ({@code allowLinkLocal});</li>
 *   <li>no redirect followed from a public address to a private (10/8, 172.16/12, 192.168/16,
 *       100.64/10, fc00::/7, fec0::/10) or loopback (127/8, 0/8, ::1, ::) one
 *       ({@code followRedirectsToPrivate}). A hop whose host has any public address counts as
 *       public. A link written to a private or loopback address is requested (it is in the pull
 *       request, for a reviewer to see), and so is a redirect from one such address to another.</li>
 * </ul>
 * Every address of the host is judged, not only the first, and an IPv4 address written inside
 * an IPv6 one (::ffff:a.b.c.d, ::a.b.c.d, 64:ff9b::a.b.c.d) is judged as that IPv4 address.
 * A host that resolves to no address cannot be judged and is not requested (unknown host).
 */
@FunctionalInterface
interface AddressPolicy {

    /** The user property that allows link-local and metadata addresses. */
    String ALLOW_LINK_LOCAL = "certdocs.linkAllowLinkLocal";
    /** The user property that allows redirects from a public address to a private or loopback one. */
    String FOLLOW_REDIRECTS_TO_PRIVATE = "certdocs.linkFollowRedirectsToPrivate";

    /**
     * Where one request goes.
     *
     * @param host      the host as written in the URL ({@code [fe80::1]} for an IPv6 literal)
     * @param addresses every address the host resolves to
     * @param port      the port, the scheme's default when the URL has none
     */
    record Endpoint(String host, List<InetAddress> addresses, int port) {
        public Endpoint {
            addresses = List.copyOf(addresses);
        }
    }

    /** Looks a host up: {@link InetAddress#getAllByName} in a run, a table in tests. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /**
     * Why the checker must not connect to {@code target}, or null when it may.
     *
     * @param previous the hop whose redirect leads to {@code target}, or null for the link itself
     */
    String refusal(Endpoint target, Endpoint previous);

    /** The standard policy, with each rule on unless its switch allows what it refuses. */
    static AddressPolicy of(boolean allowLinkLocal, boolean followRedirectsToPrivate) {
        return new Standard(allowLinkLocal, followRedirectsToPrivate);
    }

    /** Looks up the host of {@code uri} and names its port. */
    static Endpoint endpoint(URI uri, Resolver resolver) throws UnknownHostException {
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        InetAddress[] addresses = resolver.resolve(uri.getHost());
        if (addresses == null || addresses.length == 0) throw new UnknownHostException(uri.getHost());
        return new Endpoint(uri.getHost(), List.of(addresses), port);
    }

    /** What an address is, for the policy. */
    enum Kind {
        PUBLIC("public"), PRIVATE("private"), LOOPBACK("loopback"), LINK_LOCAL("link-local"), METADATA("cloud metadata");

        final String text;

        Kind(String text) {
            this.text = text;
        }
    }

    /** The kind of {@code address}; an IPv4 address inside an IPv6 one is the kind of the IPv4 address. */
    static Kind kind(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) return kind4(b, 0);
        if (!(address instanceof Inet6Address)) return Kind.PUBLIC;
        int u0 = b[0] & 0xff;
        int u1 = b[1] & 0xff;
        boolean zeros0to9 = allZero(b, 0, 10);
        if (zeros0to9 && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) return kind4(b, 12); // ::ffff:a.b.c.d
        // 64:ff9b::/96: a NAT64 gateway connects to the IPv4 address it holds
        if (u0 == 0 && u1 == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && allZero(b, 4, 12)) return kind4(b, 12);
        if (zeros0to9 && b[10] == 0 && b[11] == 0) {
            if (allZero(b, 12, 15) && (b[15] == 0 || b[15] == 1)) return Kind.LOOPBACK; // :: and ::1
            return kind4(b, 12); // ::a.b.c.d, the old IPv4-compatible form
        }
        if (u0 == 0xfe && (u1 & 0xc0) == 0x80) return Kind.LINK_LOCAL; // fe80::/10
        if (u0 == 0xfd && u1 == 0x00 && (b[2] & 0xff) == 0x0e && (b[3] & 0xff) == 0xc2 && allZero(b, 4, 14)
                && (b[14] & 0xff) == 0x02 && (b[15] & 0xff) == 0x54) {
            return Kind.METADATA; // fd00:ec2::254, the AWS instance metadata service over IPv6
        }
        if ((u0 & 0xfe) == 0xfc) return Kind.PRIVATE; // fc00::/7, unique local
        if (u0 == 0xfe && (u1 & 0xc0) == 0xc0) return Kind.PRIVATE; // fec0::/10, the old site-local
        return Kind.PUBLIC;
    }

    private static Kind kind4(byte[] b, int at) {
        int a = b[at] & 0xff;
        int c = b[at + 1] & 0xff;
        int d = b[at + 2] & 0xff;
        int e = b[at + 3] & 0xff;
        if (a == 169 && c == 254) return Kind.LINK_LOCAL;
        if ((a == 100 && c == 100 && d == 100 && e == 200) || (a == 168 && c == 63 && d == 129 && e == 16)) {
            return Kind.METADATA; // Alibaba Cloud's metadata service; Azure's WireServer
        }
        if (a == 127 || a == 0) return Kind.LOOPBACK; // a connection to 0.0.0.0 reaches this machine
        if (a == 10 || (a == 172 && (c & 0xf0) == 16) || (a == 192 && c == 168) || (a == 100 && (c & 0xc0) == 64)) {
            return Kind.PRIVATE;
        }
        return Kind.PUBLIC;
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) return false;
        }
        return true;
    }

    /** The address as people write it: IPv6 with its longest run of zero groups as {@code ::}. */
    static String text(InetAddress address) {
        if (!(address instanceof Inet6Address)) return address.getHostAddress();
        byte[] b = address.getAddress();
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) g[i] = (b[2 * i] & 0xff) << 8 | (b[2 * i + 1] & 0xff);
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && g[j] == 0) j++;
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append(i == 0 ? "::" : ":");
                i += bestLength - 1;
                continue;
            }
            out.append(Integer.toHexString(g[i])).append(i < 7 ? ":" : "");
        }
        return out.toString();
    }

    /** The standard policy; the switches are the two parameters of {@code check-links}. */
    record Standard(boolean allowLinkLocal, boolean followRedirectsToPrivate) implements AddressPolicy {

        @Override
        public String refusal(Endpoint target, Endpoint previous) {
            if (!allowLinkLocal) {
                for (InetAddress a : target.addresses()) {
                    Kind k = kind(a);
                    if (k == Kind.LINK_LOCAL || k == Kind.METADATA) {
                        return named(target, a, k) + "; " + ALLOW_LINK_LOCAL + "=true allows it";
                    }
                }
            }
            if (followRedirectsToPrivate || previous == null || previous.addresses().isEmpty()) return null;
            // a hop with any public address is public: the client may have connected to that one
            InetAddress from = previous.addresses().stream().filter(a -> kind(a) == Kind.PUBLIC).findFirst().orElse(null);
            if (from == null) return null;
            for (InetAddress a : target.addresses()) {
                Kind k = kind(a);
                if (k == Kind.PRIVATE || k == Kind.LOOPBACK) {
                    return "a redirect from " + where(previous, from, Kind.PUBLIC) + " to "
                            + where(target, a, k) + " is not followed; " + FOLLOW_REDIRECTS_TO_PRIVATE + "=true allows it";
                }
            }
            return null;
        }

        /** "169.254.169.254 is a link-local address", or "host resolves to the link-local address 169.254.169.254". */
        private static String named(Endpoint e, InetAddress a, Kind k) {
            String address = text(a);
            return literal(e, address) ? address + " is a " + k.text + " address"
                    : bare(e.host()) + " resolves to the " + k.text + " address " + address;
        }

        /** "the private address 10.0.0.1", or "intranet.example (private address 10.0.0.1)". */
        private static String where(Endpoint e, InetAddress a, Kind k) {
            String address = text(a);
            return literal(e, address) ? "the " + k.text + " address " + address
                    : bare(e.host()) + " (" + k.text + " address " + address + ")";
        }

        private static boolean literal(Endpoint e, String address) {
            return bare(e.host()).equalsIgnoreCase(address);
        }

        private static String bare(String host) {
            return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        }
    }
}
