package dev.certdocs.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certdocs.render.SearchEntry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SearchIndexTest {

    private static SearchEntry entry(String title, String body) {
        return new SearchEntry(title, "About " + title, "compute/" + title.toLowerCase().replace(' ', '-') + ".html",
                "Virtual Machines", "Troubleshooting", "Cause\nResolution", body);
    }

    private static String text(SortedMap<String, byte[]> files, String path) {
        return new String(files.get(path), StandardCharsets.UTF_8);
    }

    @Test
    void foldsCaseDiacriticsAndSingularAndPlural() {
        assertEquals(List.of("politica", "box", "box", "cach", "cach", "class", "status", "policy", "policy", "vm", "überprüfen"
                        .replace("ü", "u")),
                SearchTerms.of("Políticas BOXES box, caches Cache class status: policies/policy VMs ÜBERPRÜFEN"));
    }

    @Test
    void foldGivesOneFormForSingularAndPluralAndKeepsShortWordsAndSsUsIs() {
        // search.js folds the same way: a change here must be made there too.
        String[] pairs = {"policies", "policy", "policy", "policy", "ties", "tie", "lies", "lie", "ies", "ie", "series", "sery",
            "boxes", "box", "box", "box", "caches", "cach", "cache", "cach", "fixes", "fix", "buzzes", "buzz", "matches", "match",
            "wishes", "wish", "passes", "pass", "pass", "pass", "axes", "axe", "axe", "axe", "class", "class", "status", "status",
            "analysis", "analysis", "bus", "bus", "vms", "vm", "is", "is", "as", "as", "es", "es", "se", "se", "s", "s", "e", "e"};
        for (int i = 0; i < pairs.length; i += 2) {
            assertEquals(pairs[i + 1], SearchTerms.fold(pairs[i]), pairs[i]);
        }
    }

    @Test
    void termsAreThoseOfTheWholeTextFoldedAtOnceWhateverTheScript() {
        // The fast path (no normalisation for ASCII, a hand-written split) must give what folding
        // the whole text does: a final sigma depends on what follows it, beyond its word.
        java.util.regex.Pattern marks = java.util.regex.Pattern.compile("\\p{M}+");
        java.util.function.Function<String, List<String>> reference = text -> java.util.Arrays.stream(
                        marks.matcher(java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD)).replaceAll("")
                                .toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> !w.isEmpty()).map(SearchTerms::fold).toList();
        for (String text : List.of("Restart the VM: disks, caches & policies.", "ΟΔΟΣ_국 ΣΣ-x ΑΣ.b", "İstanbul ŁÓDŹ straße",
                "①² Ⅻ日本語 한국어", "café\u0301 naïve ﬁle", "tab\there\nnew-line")) {
            assertEquals(reference.apply(text), SearchTerms.of(text), text);
        }
    }

    @Test
    void titleWordsWeighMoreThanHeadingsDescriptionAndBody() {
        var postings = SearchIndex.postings(List.of(
                new SearchEntry("Disk full", "", "a.html", "", "", "", "nothing else"),
                new SearchEntry("Other", "", "b.html", "", "", "Disk", ""),
                new SearchEntry("Other", "disk", "c.html", "", "", "", ""),
                new SearchEntry("Other", "", "d.html", "", "", "", "disk disk disks")));
        Map<Integer, Integer> disk = postings.get("disk").asMap();
        assertEquals(List.of(0, 1, 2, 3), List.copyOf(disk.keySet()));
        assertTrue(disk.get(0) > disk.get(1) && disk.get(1) > disk.get(2) && disk.get(2) == disk.get(3),
                "title > heading > description = 3 uses in the body: " + disk);
        assertEquals(Map.of(0, 1), postings.get("else").asMap(), "body words are indexed too");
    }

    @Test
    void aWordOfALongTitleOutweighsTheSameWordEverywhereElseTogether() {
        // search.js ranks title matches first by reading the weight: a title word is TITLE_WEIGHT or more, nothing else is.
        var postings = SearchIndex.postings(List.of(
                new SearchEntry("Notes on the disk layout of legacy clusters after a regional tenant migration", "", "a.html", "",
                        "", "", ""),
                new SearchEntry("Other", "Disk and disk", "b.html", "", "", "Disk checks", "disk disk disk disk disk disk disk")));
        Map<Integer, Integer> disk = postings.get("disk").asMap();
        assertTrue(disk.get(0) >= SearchIndex.TITLE_WEIGHT, "a title word: " + disk);
        assertTrue(disk.get(1) < SearchIndex.TITLE_WEIGHT, "heading, description and body together: " + disk);
        var shorter = SearchIndex.postings(List.of(new SearchEntry("Disk full", "", "a.html", "", "", "", ""),
                new SearchEntry("Disk full on a node", "", "b.html", "", "", "", ""))).get("disk").asMap();
        assertTrue(shorter.get(0) > shorter.get(1), "the shorter title weighs more: " + shorter);
    }

    @Test
    void writesAnEntryFileTermShardsByTwoLettersAndMetadataPagesAsScripts() {
        SortedMap<String, byte[]> files = SearchIndex.files(List.of(entry("Disk full", "The disk is full of logs."),
                entry("Boot fails", "Check the boot diagnostics.")));
        assertEquals(new TreeSet<>(List.of("search/index.js", "search/m/0.js", "search/t/ab.js", "search/t/bo.js",
                "search/t/ca.js", "search/t/ch.js", "search/t/di.js", "search/t/fa.js", "search/t/fu.js", "search/t/lo.js",
                "search/t/re.js", "search/t/tr.js", "search/t/vi.js", "search/t/ma.js")).stream().filter(p -> !p.contains("/tr.")
                && !p.contains("/vi.") && !p.contains("/ma.")).toList(), List.copyOf(files.keySet()));
        assertEquals("certdocsSearch.index({\"articles\":2,\"pageSize\":8,\"shards\":[\"ab\",\"bo\",\"ca\",\"ch\",\"di\",\"fa\",\"fu\","
                + "\"lo\",\"re\"],\"stop\":" + new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(SearchIndex.STOP) + "});\n",
                text(files, "search/index.js"));
        // "disk" is in article 0's title and body; "diagnostics" in article 1's body; doc numbers are deltas.
        assertEquals("certdocsSearch.shard(\"di\",{\"diagnostic\":[1,1],\"disk\":[0,24]});\n", text(files, "search/t/di.js"));
        assertEquals("certdocsSearch.page(0,[[\"Disk full\",\"Virtual Machines\",\"Troubleshooting\",\"About Disk full\","
                + "\"compute/disk-full.html\",\"The disk is full of logs.\"],[\"Boot fails\",\"Virtual Machines\",\"Troubleshooting\","
                + "\"About Boot fails\",\"compute/boot-fails.html\",\"Check the boot diagnostics.\"]]);\n", text(files, "search/m/0.js"));
    }

    @Test
    void splitsALargeShardByOneMoreLetterAndNamesNonAsciiKeysInHex() {
        List<SearchEntry> entries = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            entries.add(new SearchEntry("Article " + i, "", i + ".html", "", "", "", "configure" + (i % 40) + " connect"
                    + (i % 50) + " co cost ωμέγα"));
        }
        SortedMap<String, byte[]> files = SearchIndex.files(entries);
        for (var f : files.entrySet()) {
            if (f.getKey().startsWith("search/t/")) assertTrue(f.getValue().length <= SearchIndex.SHARD_BYTES + 4096, f.getKey());
        }
        assertTrue(files.containsKey("search/t/co.js"), "the terms no longer than the key keep its shard");
        assertTrue(files.containsKey("search/t/con.js") || files.containsKey("search/t/conf.js"), files.keySet().toString());
        assertTrue(files.containsKey("search/t/cos.js"), files.keySet().toString());
        assertTrue(text(files, "search/t/_cf89cebc.js").startsWith("certdocsSearch.shard(\"\u03c9\u03bc\",{\"\u03c9\u03bc\u03b5\u03b3\u03b1\":[0,1,"),
                "non-ASCII keys get hex file names");
    }

    @Test
    void aShardSplitSeveralTimesHoldsEachTermOnceWithItsPostingsAsOneShardWould() {
        // Terms sharing four letters: "conf" is split down to five-letter keys, with own shards on the way (issue 16:
        // each term's part is made once and reused by every split).
        List<SearchEntry> entries = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            entries.add(new SearchEntry("Article " + i, "", i + ".html", "", "", "", "conf conf" + (char) ('a' + i % 7)
                    + " conf" + (char) ('a' + i % 5) + "x" + (i % 30) + " con co" + (i % 3) + " config" + (i % 90)));
        }
        SortedMap<String, byte[]> files = SearchIndex.files(entries);
        Map<String, SearchIndex.Postings> postings = SearchIndex.postings(entries);
        java.util.Set<String> seen = new TreeSet<>();
        java.util.regex.Pattern term = java.util.regex.Pattern.compile("\"([a-z0-9]+)\":\\[([0-9,]*)\\]");
        for (var f : files.entrySet()) {
            if (!f.getKey().startsWith("search/t/")) continue;
            java.util.regex.Matcher m = term.matcher(new String(f.getValue(), StandardCharsets.UTF_8));
            while (m.find()) {
                assertTrue(seen.add(m.group(1)), "once: " + m.group(1));
                StringBuilder expected = new StringBuilder();
                int last = 0;
                var p = postings.get(m.group(1)).asMap();
                for (var e : p.entrySet()) {
                    if (expected.length() > 0) expected.append(',');
                    expected.append(e.getKey() - last).append(',').append(e.getValue());
                    last = e.getKey();
                }
                assertEquals(expected.toString(), m.group(2), m.group(1));
            }
        }
        assertEquals(new TreeSet<>(postings.keySet()), seen);
        assertTrue(files.keySet().stream().anyMatch(k -> k.matches("search/t/conf[a-z0-9]\\.js")), files.keySet().toString());
        assertTrue(files.containsKey("search/t/conf.js"), "the terms no longer than a split key keep its shard");
    }

    @Test
    void theSameEntriesGiveTheSameBytes() {
        List<SearchEntry> entries = List.of(entry("Disk full", "The disk is full."), entry("Boot fails", "Boot diagnostics."));
        SortedMap<String, byte[]> a = SearchIndex.files(entries);
        SortedMap<String, byte[]> b = SearchIndex.files(List.copyOf(entries));
        assertEquals(a.keySet(), b.keySet());
        for (String path : a.keySet()) assertArrayEquals(a.get(path), b.get(path), path);
    }

    @Test
    void cloudsSharingTheirWeightsGetTheBytesEachGetsAlone() {
        // Clouds of one build share SearchIndex.Weights: an article whose text differs in one cloud (a cloud block, a
        // variable, another heading or description) must be weighed from its own text there, not from another cloud's.
        List<SearchEntry> first = new ArrayList<>();
        for (int i = 0; i < 30; i++) first.add(entry("Article " + i, "Text number " + i + " of the disk article."));
        List<SearchEntry> second = new ArrayList<>(first);
        second.set(3, entry("Article 3", "Text number 3 of the fairfax disk disk article."));
        SearchEntry e = first.get(4);
        second.set(4, new SearchEntry(e.t(), e.d(), e.u(), e.s(), e.k(), "Disk\nSymptoms", e.b()));
        second.set(5, new SearchEntry(e.t(), "Disk " + e.d(), e.u(), e.s(), e.k(), e.h(), e.b()));
        second.set(6, entry("Article 6 disk", first.get(6).b()));
        second.remove(7);
        SearchIndex.Weights shared = new SearchIndex.Weights();
        List<SortedMap<String, byte[]>> together = List.of(SearchIndex.files(first, shared), SearchIndex.files(second, shared),
                SearchIndex.files(first, shared));
        List<SortedMap<String, byte[]>> alone = List.of(SearchIndex.files(first), SearchIndex.files(second), SearchIndex.files(first));
        for (int k = 0; k < 3; k++) {
            assertEquals(alone.get(k).keySet(), together.get(k).keySet());
            for (String path : alone.get(k).keySet()) assertArrayEquals(alone.get(k).get(path), together.get(k).get(path), k + " " + path);
        }
        assertTrue(!java.util.Arrays.equals(alone.get(0).get("search/t/di.js"), alone.get(1).get("search/t/di.js")),
                "the clouds' indexes differ");
    }

    @Test
    void aChangedBodyChangesOnlyTheShardsOfItsWordsAndItsMetadataPage() {
        List<SearchEntry> before = new ArrayList<>();
        for (int i = 0; i < 20; i++) before.add(entry("Article " + i, "Text number " + i + "."));
        List<SearchEntry> after = new ArrayList<>(before);
        after.set(12, entry("Article 12", "Zebra number 12."));
        SortedMap<String, byte[]> a = SearchIndex.files(before);
        SortedMap<String, byte[]> b = SearchIndex.files(after);
        List<String> changed = new ArrayList<>();
        for (String path : new TreeSet<>(b.keySet())) {
            if (!a.containsKey(path) || !java.util.Arrays.equals(a.get(path), b.get(path))) changed.add(path);
        }
        // "text" lost article 12, "zebra" is new (its key too: the entry file lists it), page 1 holds articles 8-15.
        assertEquals(List.of("search/index.js", "search/m/1.js", "search/t/te.js", "search/t/ze.js"), changed);
    }

    @Test
    void theBodiesLongerThanTheirSnippetSourceAreInATextPageThatTheRowsPointTo() {
        String body = "start " + "filler ".repeat(200) + "faraway";
        SortedMap<String, byte[]> files = SearchIndex.files(List.of(entry("Short", "Short body."), entry("Long", body)));
        String page = text(files, "search/m/0.js");
        assertTrue(page.contains("\"compute/short.html\",\"Short body.\"],"), "a whole body needs no file: " + page);
        assertTrue(page.endsWith(",1]]);\n"), "the cut one is marked: " + page);
        assertEquals(List.of("search/s/0.js"), files.keySet().stream().filter(p -> p.startsWith("search/s/")).toList());
        assertEquals("certdocsSearch.texts(0,[null,\"" + body + "\"]);\n", text(files, "search/s/0.js"));
    }

    @Test
    void theSnippetSourceIsTheStartOfTheBodyCutAtAWord() {
        String body = "word ".repeat(200);
        String source = SearchIndex.snippetSource(body);
        assertTrue(source.length() <= SearchIndex.SNIPPET_SOURCE && source.length() > SearchIndex.SNIPPET_SOURCE - 6, source);
        assertTrue(source.endsWith("word"), source);
    }

    @Test
    void writtenAsTheEntriesAreReadEachOnceInOrderTheFilesAreTheCollectedOnes() {
        List<SearchEntry> entries = new java.util.ArrayList<>();
        for (int k = 0; k < 21; k++) entries.add(entry("Article " + k, ("word" + k % 5 + " ").repeat(40 + k * 10)));
        List<Integer> asked = new java.util.ArrayList<>();
        SortedMap<String, byte[]> streamed = new java.util.TreeMap<>();
        SearchIndex.write(entries.size(), k -> {
            asked.add(k);
            return entries.get(k);
        }, new SearchIndex.Weights(), (path, bytes) -> assertNull(streamed.put(path, bytes), "written twice: " + path));
        assertEquals(java.util.stream.IntStream.range(0, entries.size()).boxed().toList(), asked);
        SortedMap<String, byte[]> collected = SearchIndex.files(entries);
        assertEquals(collected.keySet(), streamed.keySet());
        for (String path : collected.keySet()) assertArrayEquals(collected.get(path), streamed.get(path), path);
        // 21 entries, 8 per metadata page: pages 0, 1 and 2 (the last one short).
        assertTrue(streamed.containsKey("search/m/2.js") && !streamed.containsKey("search/m/3.js"), streamed.keySet().toString());
    }

    @Test
    void aSpoolGivesBackWhatEveryThreadAppendedAndIsRemovedWhenClosed(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = dir.resolve("state/1.0.0.public.search.spool");
        java.util.Map<Long, byte[]> appended = new java.util.concurrent.ConcurrentHashMap<>();
        try (SearchSpool spool = new SearchSpool(file)) {
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            try {
                List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    int thread = t;
                    done.add(pool.submit(() -> {
                        for (int k = 0; k < 500; k++) {
                            // now and then an entry larger than the spool's buffer
                            byte[] json = ("{\"t\":\"" + thread + "-" + k + "\"}" + (k % 97 == 0 ? " ".repeat(70_000) : ""))
                                    .getBytes(StandardCharsets.UTF_8);
                            appended.put(spool.append(json), json);
                        }
                    }));
                }
                for (var f : done) f.get();
            } finally {
                pool.shutdown();
            }
            assertEquals(2000, appended.size());
            for (var e : appended.entrySet()) assertArrayEquals(e.getValue(), spool.read(e.getKey(), e.getValue().length));
            assertTrue(java.nio.file.Files.exists(file));
        }
        assertFalse(java.nio.file.Files.exists(file), "the spool's file goes with it");
    }
}
