package dev.certdocs.incremental;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SearchFileKeyTest {

    private static final BigInteger P = BigInteger.ONE.shiftLeft(61).subtract(BigInteger.ONE);

    @Test
    void multipliesModuloTheMersennePrimeAsBigIntegerDoes() {
        Random random = new Random(16);
        long p = P.longValueExact();
        long[] edges = {0, 1, 2, p - 1, p - 2, (1L << 56) - 1, p + (1L << 56) - 1, 1L << 60};
        for (long a : edges) {
            for (long b : edges) {
                if (b < p) assertEquals(reference(a, b), SearchFileKey.times(a, b), a + " * " + b);
            }
        }
        for (int k = 0; k < 100_000; k++) {
            long a = (random.nextLong() & (p - 1)) + (random.nextLong() & ((1L << 56) - 1)); // a hash plus a chunk
            long b = random.nextLong() & (p - 1);
            assertEquals(reference(a, b), SearchFileKey.times(a, b), a + " * " + b);
        }
    }

    @Test
    void hashesTheBytesAsThePolynomialOfTheirSevenByteChunks() {
        Random random = new Random(7);
        long point1 = 0x1234_5678_9abcL;
        long point2 = (1L << 61) - 2;
        SearchFileKey key = SearchFileKey.withPoints(point1, point2);
        for (int length = 0; length < 60; length++) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            String expected = "p61:" + Long.toHexString(point1) + ":" + Long.toHexString(point2) + ":"
                    + Integer.toHexString(length) + ":" + polynomial(bytes, point1) + ":" + polynomial(bytes, point2);
            assertEquals(expected, key.key(bytes), "length " + length);
        }
    }

    @Test
    void differentBytesGiveDifferentKeys() {
        SearchFileKey key = SearchFileKey.fresh();
        byte[] file = "certdocsSearch.shard(\"ab\",{\"about\":[1,3,2,1]});\n".getBytes(StandardCharsets.UTF_8);
        Set<String> keys = new HashSet<>();
        keys.add(key.key(file));
        for (int i = 0; i < file.length; i++) {
            byte[] changed = file.clone();
            changed[i] ^= 1;
            assertTrue(keys.add(key.key(changed)), "byte " + i);
        }
        byte[] longer = java.util.Arrays.copyOf(file, file.length + 1); // a zero byte more: the length tells it apart
        assertTrue(keys.add(key.key(longer)));
        assertTrue(keys.add(key.key(new byte[0])));
    }

    @Test
    void takesThePointsOfThePreviousKeyForTheSamePath() {
        byte[] file = "certdocsSearch.page(0,[]);\n".getBytes(StandardCharsets.UTF_8);
        SearchFileKey earlier = SearchFileKey.fresh();
        SearchFileKey now = SearchFileKey.fresh();
        String previous = earlier.key(file);
        assertEquals(previous, now.of(file, previous), "the same bytes, compared with the previous run's points");
        assertNotEquals(previous, now.of("certdocsSearch.page(1,[]);\n".getBytes(StandardCharsets.UTF_8), previous));
        assertTrue(now.of(file, previous).startsWith(previous.substring(0, previous.indexOf(':', previous.indexOf(':', 4) + 1))));
    }

    @Test
    void aKeyOfAnotherFormGetsThisRunsPoints() {
        byte[] file = "x".getBytes(StandardCharsets.UTF_8);
        SearchFileKey now = SearchFileKey.withPoints(5, 7);
        String own = now.key(file);
        String sha256 = "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881";
        assertEquals(own, now.of(file, sha256));
        assertEquals(own, now.of(file, null));
        assertEquals(own, now.of(file, "p61:zz:1:1:0:0"));
        assertEquals(own, now.of(file, "p61:0:1:1:0:0"), "a point out of range is not taken");
        assertEquals(own, now.of(file, "p61:"));
    }

    private static long reference(long a, long b) {
        return BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).mod(P).longValueExact();
    }

    /** The hash as the docs define it: Horner's rule over the chunks, each added and then multiplied by the point. */
    private static String polynomial(byte[] bytes, long point) {
        BigInteger h = BigInteger.ZERO;
        BigInteger x = BigInteger.valueOf(point);
        for (int i = 0; i < bytes.length; i += 7) {
            BigInteger m = BigInteger.ZERO;
            for (int j = Math.min(bytes.length, i + 7) - 1; j >= i; j--) m = m.shiftLeft(8).or(BigInteger.valueOf(bytes[j] & 0xff));
            h = h.add(m).multiply(x).mod(P);
        }
        return h.toString(16);
    }
}
