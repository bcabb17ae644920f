package dev.certdocs.incremental;

import java.security.SecureRandom;

/**
 * The manifest key of a search index file ({@code search/...}), which tells the next run whether the
 * file it makes is the one published: a 128-bit keyed hash of the file's bytes, cheaper than the
 * SHA-256 it replaces where the JIT has no SHA intrinsic (C1 only, the recommended
 * {@code -XX:TieredStopAtLevel=1}: SHA-256 there was 2.5 % of a cold generate).
 *
 * <p>Why content cannot fool it into keeping a stale file: the hash is two polynomial hashes
 * modulo the prime p = 2<sup>61</sup>−1 of the bytes taken seven at a time (each chunk below p,
 * the last one padded with zeros; the length is part of the key), evaluated at two secret points
 * drawn from {@link SecureRandom}. For two different files of the same length, of at most n
 * chunks each, the difference of their hashes is a non-zero polynomial of degree at most n in the
 * secret point, with at most n roots: the chance that they collide at a random point is at most
 * n/(p−1), and at both independent points at most (n/(p−1))², below 10<sup>−26</sup> for a
 * 700 KB file, whatever the two files are. Content can choose the bytes, not the points: they
 * are in the manifest in the state directory, which the published site does not contain, and the
 * keys are never printed. A run takes the points from the key the previous manifest holds for
 * the same path (the comparison needs them), so they stay the same along the builds in which the
 * path exists; a path without a previous key, or with a key in another form (a SHA-256 hex from
 * an older certdocs), gets this run's fresh points.
 *
 * <p>Form: {@code p61:<point 1>:<point 2>:<length>:<hash 1>:<hash 2>}, numbers in hex. Two keys are
 * equal only with the same points, so a spare copy's key from other points is a mismatch, never a
 * false match (the file is linked from the published copy instead).
 */
final class SearchFileKey {

    private static final String PREFIX = "p61:";
    private static final long P = (1L << 61) - 1;

    private final long point1;
    private final long point2;

    private SearchFileKey(long point1, long point2) {
        this.point1 = point1;
        this.point2 = point2;
    }

    /** Fresh secret points, for the paths with no previous key. */
    static SearchFileKey fresh() {
        SecureRandom random = new SecureRandom();
        return new SearchFileKey(point(random), point(random));
    }

    /** The points of a run, for a test: each in [1, p−1]. */
    static SearchFileKey withPoints(long point1, long point2) {
        if (point1 < 1 || point1 >= P || point2 < 1 || point2 >= P) throw new IllegalArgumentException("points must be in [1, 2^61-2]");
        return new SearchFileKey(point1, point2);
    }

    private static long point(SecureRandom random) {
        long x;
        do {
            x = random.nextLong() & P;
        } while (x == 0 || x == P);
        return x;
    }

    /**
     * The key of {@code bytes}, with the points of {@code previous} (the key the previous manifest
     * holds for the same path) when it is a key of this form, else with this instance's points.
     */
    String of(byte[] bytes, String previous) {
        SearchFileKey points = this;
        if (previous != null && previous.startsWith(PREFIX)) {
            SearchFileKey p = parse(previous);
            if (p != null) points = p;
        }
        return points.key(bytes);
    }

    /** The key of {@code bytes} with this instance's points. */
    String key(byte[] bytes) {
        long h1 = 0;
        long h2 = 0;
        int n = bytes.length;
        int i = 0;
        for (; i + 7 <= n; i += 7) {
            long m = (bytes[i] & 0xffL) | (bytes[i + 1] & 0xffL) << 8 | (bytes[i + 2] & 0xffL) << 16
                    | (bytes[i + 3] & 0xffL) << 24 | (bytes[i + 4] & 0xffL) << 32 | (bytes[i + 5] & 0xffL) << 40
                    | (bytes[i + 6] & 0xffL) << 48;
            h1 = times(h1 + m, point1);
            h2 = times(h2 + m, point2);
        }
        if (i < n) {
            long m = 0;
            for (int shift = 0; i < n; i++, shift += 8) m |= (bytes[i] & 0xffL) << shift;
            h1 = times(h1 + m, point1);
            h2 = times(h2 + m, point2);
        }
        return PREFIX + Long.toHexString(point1) + ':' + Long.toHexString(point2) + ':' + Integer.toHexString(n) + ':'
                + Long.toHexString(h1) + ':' + Long.toHexString(h2);
    }

    /** {@code a * b mod p} for {@code a} below 2p (a hash below p plus a chunk below 2^56) and {@code b} below p. */
    static long times(long a, long b) {
        long lo = a * b;
        long hi = Math.multiplyHigh(a, b);
        // a * b = hi * 2^64 + lo, and 2^64 = 2^3 (mod p), 2^61 = 1 (mod p).
        long x = (lo & P) + (lo >>> 61) + (hi << 3);
        x = (x & P) + (x >>> 61);
        return x >= P ? x - P : x;
    }

    /** The points of a key of this form, or null when it is malformed. */
    private static SearchFileKey parse(String key) {
        int a = PREFIX.length();
        int b = key.indexOf(':', a);
        int c = b < 0 ? -1 : key.indexOf(':', b + 1);
        if (c < 0) return null;
        try {
            long p1 = Long.parseUnsignedLong(key, a, b, 16);
            long p2 = Long.parseUnsignedLong(key, b + 1, c, 16);
            return p1 >= 1 && p1 < P && p2 >= 1 && p2 < P ? new SearchFileKey(p1, p2) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
