package dev.certdocs.publish;

import dev.certdocs.render.SearchEntry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The sharded search index of one cloud's version, as the files {@code assets/search.js} loads
 * from {@code search/}: an entry file, term shards and pages of result metadata. Each file is a
 * script that hands its data to {@code certdocsSearch} (loaded with a {@code <script>} element,
 * so it works from {@code file://} where browsers refuse {@code fetch()}), and a query loads only
 * the shards its words need and the metadata pages of the results it shows.
 *
 * <ul>
 *   <li>{@code search/index.js}: {@code certdocsSearch.index({"articles":N,"pageSize":P,"shards":[keys],"stop":[words]})}.</li>
 *   <li>{@code search/t/<file>.js}: {@code certdocsSearch.shard("key",{"term":[doc,weight,doc,weight,…]})},
 *       every term that begins with the key (and with no longer key listed); doc numbers are
 *       deltas from the previous one of the term.</li>
 *   <li>{@code search/m/<n>.js}: {@code certdocsSearch.page(n,[[title,service,kind,description,url,snippet source],…])},
 *       articles {@code n*P} to {@code n*P+P-1}; a row whose snippet source is the start of a longer body text ends
 *       with a 7th element, 1.</li>
 *   <li>{@code search/s/<n>.js}: {@code certdocsSearch.texts(n,[body text or null,…])}, the indexed body text of
 *       each article of metadata page {@code n} whose snippet source is cut (null for the others): loaded only for a
 *       result that matched by its body and whose words are not in its snippet source.</li>
 * </ul>
 *
 * <p>Guarantees: the same entries give byte-identical files (terms and keys sorted, no clock, no
 * hash order), so an incremental build can keep every file whose bytes did not change; a term's
 * shard key is its first two letters, and a shard over {@link #SHARD_BYTES} is split by one more
 * letter, up to {@link #MAX_KEY}.
 */
public final class SearchIndex {

    /** The folder of the index, beside {@code search.html}. */
    public static final String FOLDER = "search/";
    /** Articles per metadata page: a page of 10 results fetches about 10 small pages. */
    static final int PAGE_SIZE = 8;
    /** Characters of body text in the metadata, for the snippet: the start of the article. */
    static final int SNIPPET_SOURCE = 320;
    /** A shard larger than this is split by one more letter of its terms. */
    static final int SHARD_BYTES = 24 * 1024;
    /**
     * A title word's weight is at least this (15 + 10 / words in the title), and a word elsewhere
     * weighs less (a heading 6, the description 3, the body 1 a use up to 5: 14 at most), so search.js
     * can tell a title match from the weight alone ({@code TITLE_WEIGHT} there): it ranks the documents
     * that hold more query words in their title first, whatever the body says.
     */
    static final int TITLE_WEIGHT = 15;
    /** The longest shard key. */
    static final int MAX_KEY = 5;
    /** Words too common to narrow a search: not indexed (search.js drops them from queries, unless nothing else is left). */
    static final List<String> STOP = List.of("a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "if", "in",
            "is", "it", "of", "on", "or", "that", "the", "this", "to", "with", "you", "your");

    private SearchIndex() {
    }

    /** The index files of {@code entries} (article {@code k} is document {@code k}), by path below the version folder. */
    public static SortedMap<String, byte[]> files(List<SearchEntry> entries) {
        return files(entries, new Weights());
    }

    /**
     * The same files, weighing each article's words through {@code weights}, which the clouds of one
     * build share: an article whose text is the same in several clouds is split into words once.
     */
    public static SortedMap<String, byte[]> files(List<SearchEntry> entries, Weights weights) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        write(entries.size(), entries::get, weights, files::put);
        return files;
    }

    /**
     * The same files, handed to {@code out} (path below the version folder, bytes) as they are made,
     * each once: the metadata and text pages while the {@code count} entries are read, in one pass
     * ({@code entry} gives entry {@code k}, asked for once each, in order), then the term shards and
     * the entry file. What is held meanwhile is the postings, not the entries or the files: a cloud
     * of 100,000 articles is indexed without its entries in memory.
     */
    public static void write(int count, java.util.function.IntFunction<SearchEntry> entry, Weights weights,
                             java.util.function.BiConsumer<String, byte[]> out) {
        Map<String, Postings> postings = new HashMap<>(Math.max(64, count * 2));
        SearchEntry[] page = new SearchEntry[PAGE_SIZE];
        String[] sources = new String[PAGE_SIZE];
        ScriptBytes script = new ScriptBytes(64 * 1024);
        int rows = 0;
        boolean cut = false;
        for (int doc = 0; doc < count; doc++) {
            SearchEntry a = entry.apply(doc);
            add(postings, doc, weights.of(a));
            page[rows] = a;
            sources[rows] = snippetSource(a.b());
            cut |= sources[rows].length() < text(a.b()).length();
            rows++;
            if (rows == PAGE_SIZE || doc == count - 1) {
                int n = doc / PAGE_SIZE;
                out.accept(FOLDER + "m/" + n + ".js", metadataPage(script.clear(), n, page, sources, rows));
                // One file per page, not per article: tens of thousands of small files cost the build more than their bytes.
                if (cut) out.accept(FOLDER + "s/" + n + ".js", textPage(script.clear(), n, page, sources, rows));
                java.util.Arrays.fill(page, null);
                rows = 0;
                cut = false;
            }
        }
        List<String> keys = new ArrayList<>();
        Map<String, List<String>> byKey = new TreeMap<>();
        for (String term : postings.keySet()) byKey.computeIfAbsent(key(term, 2), k -> new ArrayList<>()).add(term);
        for (var e : byKey.entrySet()) shard(e.getKey(), e.getValue(), postings, out, keys, script);
        keys.sort(null);
        script.clear().ascii("certdocsSearch.index({\"articles\":").number(count).ascii(",\"pageSize\":").number(PAGE_SIZE)
                .ascii(",\"shards\":");
        strings(script, keys).ascii(",\"stop\":");
        strings(script, STOP).ascii("});\n");
        out.accept(FOLDER + "index.js", script.toBytes());
    }

    /**
     * {@code certdocsSearch.page(n,[[title,service,kind,description,url,snippet source(,1)],…]);}: a row ends
     * with 1 when its snippet source is shorter than its body text.
     */
    private static byte[] metadataPage(ScriptBytes script, int n, SearchEntry[] page, String[] sources, int rows) {
        script.ascii("certdocsSearch.page(").number(n).ascii(",[");
        for (int r = 0; r < rows; r++) {
            SearchEntry a = page[r];
            if (r > 0) script.ascii(',');
            script.ascii('[').string(text(a.t())).ascii(',').string(text(a.s())).ascii(',').string(text(a.k())).ascii(',')
                    .string(text(a.d())).ascii(',').string(text(a.u())).ascii(',').string(sources[r]);
            if (sources[r].length() < text(a.b()).length()) script.ascii(",1");
            script.ascii(']');
        }
        return script.ascii("]);\n").toBytes();
    }

    /** {@code certdocsSearch.texts(n,[body text or null,…]);}: the body of each row whose snippet source is cut. */
    private static byte[] textPage(ScriptBytes script, int n, SearchEntry[] page, String[] sources, int rows) {
        script.ascii("certdocsSearch.texts(").number(n).ascii(",[");
        for (int r = 0; r < rows; r++) {
            if (r > 0) script.ascii(',');
            script.string(sources[r].length() < text(page[r].b()).length() ? page[r].b() : null);
        }
        return script.ascii("]);\n").toBytes();
    }

    /** A JSON array of strings. */
    private static ScriptBytes strings(ScriptBytes script, List<String> list) {
        script.ascii('[');
        for (int k = 0; k < list.size(); k++) {
            if (k > 0) script.ascii(',');
            script.string(list.get(k));
        }
        return script.ascii(']');
    }

    /** The file name of a shard key: the key itself when plain ASCII letters and digits, else "_" and its UTF-8 bytes in hex. */
    public static String fileName(String key) {
        if (key.matches("[a-z0-9]+")) return key;
        return "_" + java.util.HexFormat.of().formatHex(key.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Per term, per document, the term's weight there: a title word counts most (more in a short
     * title; always {@link #TITLE_WEIGHT} or more), then a heading word, then a description word, then
     * each use in the body (up to 5).
     */
    static Map<String, Postings> postings(List<SearchEntry> entries) {
        return postings(entries, new Weights());
    }

    static Map<String, Postings> postings(List<SearchEntry> entries, Weights weights) {
        Map<String, Postings> postings = new HashMap<>(Math.max(64, entries.size() * 2));
        for (int doc = 0; doc < entries.size(); doc++) add(postings, doc, weights.of(entries.get(doc)));
        return postings;
    }

    /** Adds document {@code doc}'s weighted terms to {@code postings}. */
    private static void add(Map<String, Postings> postings, int doc, Weighted w) {
        for (int i = 0; i < w.terms.length; i++) {
            Postings p = postings.get(w.terms[i]);
            if (p == null) postings.put(w.terms[i], p = new Postings());
            p.add(doc, w.weights[i]);
        }
    }

    /**
     * Each article text's weighted terms, kept for the other clouds of the build: the same title,
     * headings, description and body give the same terms and weights, so a text is split into words
     * once however many clouds publish it unchanged. Thread-safe (clouds are indexed in parallel);
     * the words are shared strings, so it holds less than the texts it was given.
     */
    public static final class Weights {
        /** The words a new table has room for: most articles' distinct words, so that few tables grow. */
        private static final int TABLE_WORDS = 512;
        /** The largest table kept for the next text, in slots (about 2 MB): a text of over 32,000 distinct words. */
        private static final int TABLE_KEPT = 1 << 16;
        private final java.util.concurrent.ConcurrentHashMap<Digest, Weighted> byText = new java.util.concurrent.ConcurrentHashMap<>();
        /** Each word's one string, for all the texts. */
        private final SharedWords words = new SharedWords();
        /**
         * The word tables not in use: one per thread weighing at a time, each reused text after text
         * (emptied by the slots it used), not a new table of six arrays per text.
         */
        private final java.util.concurrent.ConcurrentLinkedQueue<WordCounts> tables = new java.util.concurrent.ConcurrentLinkedQueue<>();
        /** Seeds of this instance's digests: a collision cannot be prepared in the content. */
        private final long seed1 = java.util.concurrent.ThreadLocalRandom.current().nextLong() | 1;
        private final long seed2 = java.util.concurrent.ThreadLocalRandom.current().nextLong() | 1;

        Weighted of(SearchEntry a) {
            Text text = new Text(text(a.t()), text(a.h()), text(a.d()), text(a.b()));
            // A table for this thread, its scratch for the digest too: no array per text.
            WordCounts counts = tables.poll();
            if (counts == null) counts = new WordCounts(TABLE_WORDS, STOP, words);
            try {
                // Keyed by a digest of the texts, not the texts: the cache keeps each article's words, not its body text.
                Digest key = digest(text, counts.scratch());
                Weighted w = byText.get(key);
                if (w != null) return w;
                w = weigh(text, counts);
                Weighted had = byText.putIfAbsent(key, w);
                return had != null ? had : w;
            } finally {
                // Back for the next text, emptied; one grown by a very long text is left to the collector.
                if (counts.capacity() <= TABLE_KEPT) tables.offer(counts.reset());
            }
        }

        /**
         * Two seeded 64-bit hashes of the four texts and their lengths (128 bits: a chance collision is out of reach),
         * each text read from {@code scratch}'s buffer rather than a {@code charAt} per character.
         */
        private Digest digest(Text t, SearchTerms.Scratch scratch) {
            long h1 = seed1;
            long h2 = seed2;
            for (String s : new String[] {t.t(), t.h(), t.d(), t.b()}) {
                int length = s.length();
                char[] chars = scratch.chars(s);
                for (int i = 0; i < length; i++) {
                    char c = chars[i];
                    h1 = (h1 ^ c) * 0x100000001b3L;
                    h2 = Long.rotateLeft(h2 + c * 0x9E3779B97F4A7C15L, 31) * 0xC2B2AE3D27D4EB4FL;
                }
                h1 = (h1 ^ length) * 0x100000001b3L;
                h2 = Long.rotateLeft(h2 + length, 31) * 0xC2B2AE3D27D4EB4FL;
            }
            return new Digest(mix(h1), mix(h2), t.t().length() + t.h().length() + t.d().length() + t.b().length());
        }

        private static long mix(long h) {
            h ^= h >>> 33;
            h *= 0xff51afd7ed558ccdL;
            h ^= h >>> 33;
            h *= 0xc4ceb9fe1a85ec53L;
            return h ^ (h >>> 33);
        }

        /** Forgets every text (the clouds are indexed). */
        public void clear() {
            byText.clear();
            words.clear();
            tables.clear();
        }

        /** The weighted terms of {@code a}, counted in {@code counts} (empty). */
        private static Weighted weigh(Text a, WordCounts counts) {
            counts.field(0, 0).scan(a.t());
            counts.weighTitle(TITLE_WEIGHT + 10 / Math.max(1, counts.size())); // a shorter title ranks higher
            counts.field(1, 6).scan(a.h());
            counts.field(2, 3).scan(a.d());
            counts.body().scan(a.b());
            String[] terms = new String[counts.size()];
            int[] weights = new int[terms.length];
            int i = 0;
            for (int k = 0; k < counts.seen(); k++) {
                if (!counts.counted(k)) continue;
                terms[i] = counts.word(k);
                weights[i++] = counts.weight(k);
            }
            return new Weighted(terms, weights);
        }
    }

    /** The texts of an entry that its weights depend on. */
    private record Text(String t, String h, String d, String b) {
    }

    /** What {@link Weights} knows a text by. */
    private record Digest(long h1, long h2, int length) {
    }

    /** An article's terms (stop words left out), each once, with its weight there. */
    record Weighted(String[] terms, int[] weights) {
    }

    /**
     * Writes the shard of {@code key}, or, when too large, the terms no longer than the key and one shard per longer key.
     * Each term's part of a shard ({@code "term":[doc,weight,…]}) is made once, however many times its shard is split.
     */
    private static void shard(String key, List<String> terms, Map<String, Postings> postings,
                              java.util.function.BiConsumer<String, byte[]> files, List<String> keys, ScriptBytes script) {
        terms.sort(null);
        List<Part> parts = new ArrayList<>(terms.size());
        for (String term : terms) {
            script.clear().ascii('"');
            // Terms are letters and digits only: nothing in them needs escaping in a JSON string.
            script.raw(term);
            int termBytes = script.size() - 1;
            script.ascii("\":[");
            Postings p = postings.get(term);
            int last = 0;
            for (int i = 0; i < p.size; i += 2) {
                if (i > 0) script.ascii(',');
                script.number(p.pairs[i] - last).ascii(',').number(p.pairs[i + 1]);
                last = p.pairs[i];
            }
            script.ascii(']');
            // The size in characters, as a shard's size was always counted: the term's, not its UTF-8 bytes.
            parts.add(new Part(script.toBytes(), script.size() - termBytes + term.length()));
        }
        shard(key, terms, parts, files, keys, script);
    }

    /** A term's part of a shard, and its length in characters. */
    private record Part(byte[] bytes, int chars) {
    }

    /** {@link #shard} of sorted {@code terms}, {@code parts} their parts of a shard. */
    private static void shard(String key, List<String> terms, List<Part> parts,
                              java.util.function.BiConsumer<String, byte[]> files, List<String> keys, ScriptBytes script) {
        long chars = 2 + Math.max(0, parts.size() - 1); // the braces and commas of {part,part,…}
        for (Part p : parts) chars += p.chars();
        int length = key.codePointCount(0, key.length());
        if (chars > SHARD_BYTES && length < MAX_KEY) {
            List<String> own = new ArrayList<>();
            List<Part> ownParts = new ArrayList<>();
            Map<String, List<String>> longer = new TreeMap<>();
            Map<String, List<Part>> longerParts = new HashMap<>();
            for (int k = 0; k < terms.size(); k++) {
                String term = terms.get(k);
                if (term.codePointCount(0, term.length()) <= length) {
                    own.add(term);
                    ownParts.add(parts.get(k));
                } else {
                    String longerKey = key(term, length + 1);
                    longer.computeIfAbsent(longerKey, x -> new ArrayList<>()).add(term);
                    longerParts.computeIfAbsent(longerKey, x -> new ArrayList<>()).add(parts.get(k));
                }
            }
            if (!longer.isEmpty()) {
                if (!own.isEmpty()) shard(key, own, ownParts, files, keys, script);
                for (var e : longer.entrySet()) shard(e.getKey(), e.getValue(), longerParts.get(e.getKey()), files, keys, script);
                return;
            }
        }
        script.clear().ascii("certdocsSearch.shard(").string(key).ascii(",{");
        for (int k = 0; k < parts.size(); k++) {
            if (k > 0) script.ascii(',');
            script.bytes(parts.get(k).bytes());
        }
        keys.add(key);
        files.accept(FOLDER + "t/" + fileName(key) + ".js", script.ascii("});\n").toBytes());
    }

    /**
     * One term's documents and weights, as pairs in document order (documents are indexed in
     * order, each term once per document): two ints each, not a map entry of two boxed ones.
     */
    static final class Postings {
        int[] pairs = new int[4];
        int size;

        void add(int doc, int weight) {
            if (size + 2 > pairs.length) pairs = java.util.Arrays.copyOf(pairs, pairs.length * 2);
            pairs[size++] = doc;
            pairs[size++] = weight;
        }

        /** Document to weight, in document order. */
        Map<Integer, Integer> asMap() {
            Map<Integer, Integer> map = new LinkedHashMap<>();
            for (int i = 0; i < size; i += 2) map.put(pairs[i], pairs[i + 1]);
            return map;
        }
    }

    /** The first {@code n} code points of a term (all of it when shorter). */
    static String key(String term, int n) {
        int count = term.codePointCount(0, term.length());
        return count <= n ? term : term.substring(0, term.offsetByCodePoints(0, n));
    }

    /** The start of the body text, cut at a word's end. */
    static String snippetSource(String body) {
        String b = text(body);
        if (b.length() <= SNIPPET_SOURCE) return b;
        int cut = b.lastIndexOf(' ', SNIPPET_SOURCE);
        return b.substring(0, cut > SNIPPET_SOURCE / 2 ? cut : SNIPPET_SOURCE);
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
