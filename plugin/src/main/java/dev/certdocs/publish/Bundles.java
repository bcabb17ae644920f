package dev.certdocs.publish;

import dev.certdocs.files.BufferedChannel;
import dev.certdocs.files.Fresh;
import dev.certdocs.support.CertDocsException;
import dev.certdocs.config.BuildConfig;
import dev.certdocs.config.Cloud;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.Deflater;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.LinkedHashMap;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Self-contained bundles: one zip per cloud and version, entries in path order with a fixed
 * time (the build's output timestamp, else 2000-01-01), so the same site gives the same bytes.
 * For air-gapped clouds, {@link #outsideReferences} finds what would not work inside: any
 * absolute URL in a page or stylesheet whose host is neither in the bundle nor on the cloud's
 * allow-list.
 */
public final class Bundles {

    /** The attributes whose values the air-gapped check reads as URLs. */
    static final java.util.Set<String> URL_ATTRIBUTES = java.util.Set.of("src", "href", "srcset", "poster", "action",
            "data", "content");
    private static final Pattern CSS_URL = Pattern.compile("url\\(\\s*['\"]?([^'\")]+)|@import\\s+['\"]([^'\"]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ABSOLUTE = Pattern.compile("^(?:[a-z][a-z0-9+.-]*:)?//([^/?#:]+)", Pattern.CASE_INSENSITIVE);
    private static final LocalDateTime DEFAULT_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

    private Bundles() {
    }

    /**
     * How every entry is compressed: zlib's fastest level. Site pages are much alike (the same
     * layout around each article); level 1 makes them about 10 % larger than the default level 6
     * does, in about two thirds of the time, and the bundles are compressed on every full build.
     */
    static final int LEVEL = Deflater.BEST_SPEED;
    /**
     * The archive comment of every bundle: says how its entries were compressed. Only a previous
     * bundle with this comment lends its entries to a rebuild (one compressed otherwise, by an
     * earlier certdocs, would make a rebuilt bundle other bytes than one built afresh).
     */
    static final String COMMENT = "certdocs bundle, deflate level " + LEVEL;
    /** How many entries the compressing threads may be ahead of the one writing the bundle. */
    private static final int AHEAD_PER_THREAD = 32;
    /** How many bytes of a bundle are gathered before they are written. */
    private static final int WRITE_BUFFER = 1 << 16;

    /** {@link #zip(Path, Path, String, Optional, int)} on one compressing thread. */
    public static int zip(Path versionDir, Path zip, String topFolder, Optional<Instant> time) {
        return zip(versionDir, zip, topFolder, time, 1);
    }

    /**
     * Zips {@code versionDir} into {@code zip}, every entry under {@code topFolder/}, and returns how
     * many entries were copied from the bundle already there. An entry whose name, size and CRC-32
     * match the previous bundle's is copied as the compressed bytes it has there, not compressed
     * again: a rebuild that changed a few pages costs reading the site, not deflating all of it.
     * The result is the same bytes either way (same entries, same time, same compression).
     * {@code threads} threads read and compress the entries, each on its own, a little ahead of
     * the calling thread, which writes them in path order: the bytes do not depend on how many.
     */
    public static int zip(Path versionDir, Path zip, String topFolder, Optional<Instant> time, int threads) {
        return zip(versionDir, zip, topFolder, time, threads, null, null);
    }

    /**
     * As {@link #zip(Path, Path, String, Optional, int)}; an entry {@code spool} holds for
     * {@code cloud} (a file this run wrote, compressed when it was written) is copied from the
     * spool, neither read nor compressed here: the same bytes, since it was compressed the same way.
     * Only the other files (kept pages, copied files, the theme's assets) are read.
     */
    public static int zip(Path versionDir, Path zip, String topFolder, Optional<Instant> time, int threads,
                          BundleSpool spool, String cloud) {
        LocalDateTime when = time.map(i -> LocalDateTime.ofInstant(i, ZoneOffset.UTC)).orElse(DEFAULT_TIME);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "certdocs-bundle");
            t.setDaemon(true);
            return t;
        });
        try {
            Files.createDirectories(zip.getParent());
            Path tmp = Fresh.file(zip.getParent(), "." + zip.getFileName() + "-", ".tmp"); // with the umask's mode
            Path root = versionDir.toRealPath(); // the version's name is a link: a walk does not enter a link it starts from
            List<Path> files;
            // find() hands over the attributes the walk read anyway: one stat per file, not two; a
            // link is taken, as before, when what it leads to is a file
            try (Stream<Path> walk = Files.find(root, Integer.MAX_VALUE,
                    (p, attrs) -> attrs.isRegularFile() || attrs.isSymbolicLink() && Files.isRegularFile(p))) {
                files = walk.sorted().toList();
            }
            int copied = 0;
            // The entries' headers and data go to the file in large writes, not a few each (BufferedChannel)
            try (ZipFile previous = previousBundle(zip); ZipArchiveOutputStream z = new ZipArchiveOutputStream(
                    new BufferedChannel(Files.newByteChannel(tmp, StandardOpenOption.WRITE, StandardOpenOption.READ,
                            StandardOpenOption.TRUNCATE_EXISTING), WRITE_BUFFER))) {
                z.setComment(COMMENT);
                ArrayDeque<Future<Entry>> ahead = new ArrayDeque<>();
                int next = 0;
                int window = Math.max(1, threads) * AHEAD_PER_THREAD;
                while (next < files.size() || !ahead.isEmpty()) {
                    while (next < files.size() && ahead.size() < window) {
                        Path f = files.get(next++);
                        String path = root.relativize(f).toString().replace('\\', '/');
                        String name = topFolder + "/" + path;
                        BundleSpool.Spooled s = spool == null ? null : spool.get(cloud, path);
                        if (s != null) {
                            ahead.add(CompletableFuture.completedFuture(new Entry(name, s.size(), s.crc(), null, 0, s)));
                        } else {
                            ahead.add(pool.submit(() -> entry(f, name, previous)));
                        }
                    }
                    Entry entry = done(ahead.poll());
                    ZipArchiveEntry e = new ZipArchiveEntry(entry.name());
                    e.setTimeLocal(when);
                    e.setMethod(ZipArchiveEntry.DEFLATED);
                    e.setSize(entry.size());
                    e.setCrc(entry.crc());
                    if (entry.spooled() != null) { // compressed when it was written
                        e.setCompressedSize(entry.spooled().compressedSize());
                        try (InputStream raw = spool.open(cloud, entry.spooled())) {
                            z.addRawArchiveEntry(e, raw);
                        }
                    } else if (entry.deflated() == null) { // unchanged: the previous bundle's bytes
                        ZipArchiveEntry old = previous.getEntry(entry.name());
                        e.setCompressedSize(old.getCompressedSize());
                        try (InputStream raw = previous.getRawInputStream(old)) {
                            z.addRawArchiveEntry(e, raw);
                        }
                        copied++;
                    } else {
                        e.setCompressedSize(entry.deflatedLength());
                        z.addRawArchiveEntry(e, new ByteArrayInputStream(entry.deflated(), 0, entry.deflatedLength()));
                    }
                }
            }
            Files.move(tmp, zip, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return copied;
        } catch (IOException e) {
            throw new CertDocsException("cannot write the bundle " + zip + ": " + e.getMessage(), e);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * One file of the site: in the spool ({@code spooled}), else read, and compressed unless the
     * previous bundle holds it ({@code deflated} null).
     */
    private record Entry(String name, long size, long crc, byte[] deflated, int deflatedLength, BundleSpool.Spooled spooled) {
    }

    /** Each compressing thread's deflater, reset for every entry: as the spool's ({@link BundleSpool.Compressor}). */
    private static final ThreadLocal<BundleSpool.Compressor> COMPRESSOR = ThreadLocal.withInitial(BundleSpool.Compressor::new);

    private static Entry entry(Path f, String name, ZipFile previous) throws IOException {
        byte[] bytes = Files.readAllBytes(f);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        ZipArchiveEntry old = previous == null ? null : previous.getEntry(name);
        if (old != null && old.getMethod() == ZipArchiveEntry.DEFLATED && old.getSize() == bytes.length
                && old.getCrc() == crc.getValue()) {
            return new Entry(name, bytes.length, crc.getValue(), null, 0, null);
        }
        BundleSpool.Compressor c = COMPRESSOR.get();
        int length = c.deflate(bytes);
        return new Entry(name, bytes.length, crc.getValue(), Arrays.copyOf(c.out(), length), length, null);
    }

    private static Entry done(Future<Entry> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CertDocsException("bundling was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new CertDocsException("bundling failed: " + e.getCause(), e.getCause());
        }
    }

    /**
     * The bundle an earlier run left, to copy unchanged entries from; null when there is none, it
     * cannot be read, or it was not compressed as {@link #COMMENT} says bundles now are.
     */
    private static ZipFile previousBundle(Path zip) {
        if (!Files.isRegularFile(zip) || !endsWithComment(zip)) return null;
        try {
            return ZipFile.builder().setPath(zip).get();
        } catch (IOException e) {
            return null; // a damaged bundle is not trusted: every entry is compressed again
        }
    }

    /** Whether the file ends with {@link #COMMENT}: a zip's comment is its last bytes. */
    private static boolean endsWithComment(Path zip) {
        byte[] comment = COMMENT.getBytes(StandardCharsets.UTF_8);
        try (SeekableByteChannel ch = Files.newByteChannel(zip)) {
            if (ch.size() < comment.length + 2) return false;
            ByteBuffer tail = ByteBuffer.allocate(comment.length + 2);
            ch.position(ch.size() - tail.capacity());
            while (tail.hasRemaining() && ch.read(tail) >= 0) {
                // read it all
            }
            byte[] b = tail.array();
            int length = (b[0] & 0xff) | (b[1] & 0xff) << 8; // the comment's length, just before it
            return length == comment.length && Arrays.equals(b, 2, b.length, comment, 0, comment.length);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Every reference in the site of an air-gapped cloud to a host outside the bundle and the
     * allow-list, as "page: url". {@code alsoAllowed}: more hosts that are reachable (the site's own); see {@link Cloud#reaches}.
     */
    public static List<String> outsideReferences(Path versionDir, Cloud cloud, java.util.Collection<String> alsoAllowed) {
        List<String> problems = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(versionDir)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new CertDocsException("cannot read the site " + versionDir + ": " + e.getMessage(), e);
        }
        for (Path f : files) {
            String page = versionDir.relativize(f).toString().replace('\\', '/');
            if (!checked(page)) continue;
            byte[] text;
            try {
                text = Files.readAllBytes(f);
            } catch (IOException e) {
                throw new CertDocsException("cannot read " + f + ": " + e.getMessage(), e);
            }
            problems.addAll(outsideReferences(page, text, cloud, alsoAllowed));
        }
        return problems;
    }

    /** Whether {@link #outsideReferences} looks into a file of this name: pages and stylesheets. */
    public static boolean checked(String path) {
        String name = path.toLowerCase(Locale.ROOT);
        return name.endsWith(".html") || name.endsWith(".css");
    }

    /**
     * The references of one page or stylesheet of an air-gapped cloud's site (at {@code page},
     * its path in the version) to hosts outside the bundle and the allow-list, as "page: url".
     */
    public static List<String> outsideReferences(String page, String text, Cloud cloud,
                                                 java.util.Collection<String> alsoAllowed) {
        return outsideReferences(page, text.getBytes(StandardCharsets.UTF_8), cloud, alsoAllowed);
    }

    /** As {@link #outsideReferences(String, String, Cloud, java.util.Collection)}, for the page's UTF-8 bytes (a page is scanned as written, not decoded). */
    public static List<String> outsideReferences(String page, byte[] utf8, Cloud cloud,
                                                 java.util.Collection<String> alsoAllowed) {
        List<String> urls = new ArrayList<>();
        if (page.toLowerCase(Locale.ROOT).endsWith(".html")) {
            urlAttributes(utf8, urls, true); // a value without "//" names no host
        } else {
            cssUrls(new String(utf8, StandardCharsets.UTF_8), urls);
        }
        return outside(page, urls, cloud, alsoAllowed);
    }

    private static void cssUrls(String text, List<String> urls) {
        Matcher m = CSS_URL.matcher(text);
        while (m.find()) urls.add(m.group(1) != null ? m.group(1) : m.group(2));
    }

    /** The {@code urls} found in {@code page} that name a host outside the cloud and {@code alsoAllowed}, as "page: url". */
    private static List<String> outside(String page, List<String> urls, Cloud cloud, java.util.Collection<String> alsoAllowed) {
        List<String> problems = new ArrayList<>();
        for (String url : urls) {
            if (url == null) continue;
            // The parts a srcset lists: what url.split(",") gives, but also the empty parts after the
            // last non-empty one that split leaves out (an empty part names no host).
            int start = 0;
            while (true) {
                int comma = url.indexOf(',', start);
                String part = comma < 0 ? url.substring(start) : url.substring(start, comma);
                String u = firstToken(part.strip());
                String host = host(u);
                if (host != null && !cloud.reaches(host)
                        && alsoAllowed.stream().noneMatch(h -> h.equalsIgnoreCase(host))) {
                    problems.add(page + ": " + u);
                }
                if (comma < 0) break;
                start = comma + 1;
            }
        }
        return problems;
    }

    /**
     * The quoted values of the URL attributes ({@link #URL_ATTRIBUTES}) in an HTML text, in order:
     * what {@code \b(?:src|href|…)\s*=\s*("…"|'…')}, case-insensitive, finds, without trying
     * the pattern at every character (the check reads every page of a site).
     */
    static void urlAttributes(String text, List<String> out) {
        urlAttributes(text, out, false);
    }

    /**
     * As {@link #urlAttributes(String, List)}; with {@code absoluteOnly}, only the values that hold
     * a "//" (only those can name a host: see {@link #host}), without a string made for the others.
     */
    static void urlAttributes(String text, List<String> out, boolean absoluteOnly) {
        urlAttributes(text.getBytes(StandardCharsets.UTF_8), out, absoluteOnly);
    }

    /**
     * As {@link #urlAttributes(String, List, boolean)}, on the text's UTF-8 bytes: what the
     * characters give, read in place. The scan looks for ASCII characters ({@code =}, quotes,
     * white space, '/', attribute names), which UTF-8 never uses inside another character's
     * bytes; the only character read that may not be ASCII is the one before a name, which
     * {@link #wordBefore} decodes.
     */
    static void urlAttributes(byte[] text, List<String> out, boolean absoluteOnly) {
        int n = text.length;
        int from = 0;
        // The first '/' after the opening quote of the last value looked at, or a later one with
        // none between (-1 before the first value and once none is left).
        int slash = -1;
        while (true) {
            int eq = indexOf(text, '=', from);
            if (eq < 0) return;
            from = eq + 1;
            int nameEnd = eq;
            while (nameEnd > 0 && isSpace(text[nameEnd - 1])) nameEnd--;
            int nameStart = nameEnd;
            for (int before; nameStart > 0 && (before = wordBefore(text, nameStart)) >= 0; ) nameStart = before;
            if (nameStart == nameEnd || !isUrlAttribute(text, nameStart, nameEnd)) {
                continue;
            }
            int q = eq + 1;
            while (q < n && isSpace(text[q])) q++;
            if (q >= n || (text[q] != '"' && text[q] != '\'')) continue;
            int close = indexOf(text, text[q], q + 1);
            if (close < 0) continue;
            if (absoluteOnly) {
                // From one '/' to the next (in HTML never far: "</" closes most elements), not
                // the whole text for the next "//"; the cursor only moves forward.
                if (slash <= q) slash = indexOf(text, '/', q + 1);
                while (slash >= 0 && slash + 1 < close && text[slash + 1] != '/') {
                    slash = indexOf(text, '/', slash + 2);
                }
                if (slash < 0) return; // no "//" in this value or any later one
                if (slash + 1 >= close) { // no "//" inside this value
                    from = close + 1;
                    continue;
                }
            }
            out.add(new String(text, q + 1, close - q - 1, StandardCharsets.UTF_8));
            from = close + 1;
        }
    }

    private static int indexOf(byte[] text, int b, int from) {
        for (int i = from; i < text.length; i++) {
            if (text[i] == b) return i;
        }
        return -1;
    }

    /**
     * Where the character that ends just before {@code end} starts, when it is a word character
     * (a letter, digit or '_', as the regex {@code \b} sees them); -1 when it is not. A character beyond U+FFFF is two chars in a string,
     * the second a low surrogate, which is no word character; so is a malformed sequence.
     */
    private static int wordBefore(byte[] text, int end) {
        byte last = text[end - 1];
        if (last >= 0) return ASCII_WORD[last] ? end - 1 : -1;
        int start = end - 1;
        while (start > 0 && end - start < 4 && (text[start] & 0xC0) == 0x80) start--;
        int lead = text[start] & 0xFF;
        int length = end - start;
        int c;
        if (length == 2 && (lead & 0xE0) == 0xC0) {
            c = (lead & 0x1F) << 6 | (text[start + 1] & 0x3F);
        } else if (length == 3 && (lead & 0xF0) == 0xE0) {
            c = (lead & 0x0F) << 12 | (text[start + 1] & 0x3F) << 6 | (text[start + 2] & 0x3F);
        } else {
            return -1;
        }
        return Character.isLetterOrDigit((char) c) ? start : -1;
    }

    /**
     * Whether {@code text[start, end)} is one of {@link #URL_ATTRIBUTES}, ASCII letters compared
     * without case: what {@code URL_ATTRIBUTES.contains(substring.toLowerCase(Locale.ROOT))} says
     * (no other character lower-cases into those names' letters), without a string made for
     * each '=' of every page.
     */
    private static boolean isUrlAttribute(byte[] text, int start, int end) {
        int length = end - start;
        if (length < 3 || length > 7) return false;
        for (String name : URL_ATTRIBUTE_ARRAY) {
            if (name.length() != length) continue;
            int i = 0;
            while (i < length) {
                int c = text[start + i];
                if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
                if (c != name.charAt(i)) break;
                i++;
            }
            if (i == length) return true;
        }
        return false;
    }

    private static final String[] URL_ATTRIBUTE_ARRAY = URL_ATTRIBUTES.toArray(String[]::new);

    /** What {@code s.split("\\s+")[0]} is for a stripped {@code s}, without compiling that pattern for every URL. */
    static String firstToken(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (isSpace(s.charAt(i))) return i == 0 ? "" : s.substring(0, i);
        }
        return s;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }

    private static boolean isSpace(byte c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }

    /** As the regex {@code \b} sees word characters: letters, digits and '_' (ASCII ones here; others: {@link #wordBefore}). */
    private static final boolean[] ASCII_WORD = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) ASCII_WORD[c] = Character.isLetterOrDigit(c) || c == '_';
    }

    private static String host(String url) {
        // ABSOLUTE finds nothing without a "//" (replacing "&amp;" neither makes nor breaks one):
        // most references of a page are relative, and a matcher for each was a large part of the check.
        if (url.indexOf("//") < 0) return null;
        if (url.length() > HOST_URL_KEPT) return parseHost(url);
        Optional<String> known = HOSTS.get(url);
        if (known != null) return known.orElse(null);
        String host = parseHost(url);
        if (HOSTS.size() >= HOSTS_KEPT) HOSTS.clear();
        HOSTS.put(url, Optional.ofNullable(host));
        return host;
    }

    /**
     * The hosts of absolute URLs met before (empty for none): every page of a cloud links to its portal,
     * and an article's links are on each of its clouds' pages; parsing each as a URI was a third of
     * the air-gapped check. At most {@link #HOSTS_KEPT}, then forgotten all at once.
     */
    private static final java.util.concurrent.ConcurrentHashMap<String, Optional<String>> HOSTS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int HOSTS_KEPT = 4096;
    /** A longer URL is parsed each time: the cache holds at most {@code HOSTS_KEPT} of this size. */
    private static final int HOST_URL_KEPT = 2048;

    private static String parseHost(String url) {
        String u = url.replace("&amp;", "&").strip();
        if (u.regionMatches(true, 0, "mailto:", 0, 7) || u.regionMatches(true, 0, "tel:", 0, 4)) return null;
        Matcher m = ABSOLUTE.matcher(u);
        if (!m.find()) return null;
        try {
            String h = new URI(u.startsWith("//") ? "https:" + u : u).getHost();
            return h == null ? m.group(1) : h;
        } catch (URISyntaxException e) {
            return m.group(1);
        }
    }

    /**
     * Each cloud's bundle of the version just published ({@code <bundles>/certdocs-<cloud>-<version>.zip}),
     * when the build makes bundles, each bundle's entries that {@code spool} holds copied from it
     * and each cloud's spool file removed once its bundle is made. With a spool most of a bundle is
     * copying, not compressing: the clouds' bundles are made side by side, one per thread (each
     * still compresses what the spool lacks on every thread). Without one ({@code null}), one
     * bundle after the other, each compressed on every thread (one cloud per thread left a thread
     * idle while the last, or a small cloud's, was made).
     */
    public static Map<String, Path> zipAll(BuildConfig config, dev.certdocs.support.BuildLog log, BundleSpool spool) {
        Map<String, Path> bundles = new LinkedHashMap<>();
        if (config.site().bundles() == null) return bundles;
        List<Cloud> clouds = config.clouds();
        Path[] zips = new Path[clouds.size()];
        String[] lines = new String[clouds.size()];
        int side = spool == null ? 1 : Math.max(1, Math.min(config.threads(), clouds.size()));
        dev.certdocs.support.Parallel.forEach(side, clouds.size(), "bundling", k -> {
            Cloud cloud = clouds.get(k);
            String name = "certdocs-" + cloud.id() + "-" + config.site().version();
            Path zip = config.site().bundles().resolve(name + ".zip");
            int spooled = spool == null ? 0 : spool.size(cloud.id());
            int copied = zip(config.site().outputDirectory().resolve(cloud.id()).resolve(config.site().version()),
                    zip, name, config.site().outputTimestamp(), config.threads(), spool, cloud.id());
            if (spool != null) spool.finish(cloud.id());
            zips[k] = zip;
            lines[k] = "bundle " + name + ".zip: " + spooled + " entries compressed as they were written, " + copied
                    + " copied from the previous bundle";
        });
        for (int k = 0; k < clouds.size(); k++) {
            bundles.put(clouds.get(k).id(), zips[k]);
            log.debug(lines[k]);
        }
        return bundles;
    }
}
