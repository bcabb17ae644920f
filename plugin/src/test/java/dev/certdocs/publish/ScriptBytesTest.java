package dev.certdocs.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.certdocs.render.SearchEntry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

/** {@link ScriptBytes} and the search index files made with it, against the way they were made before: Jackson, replace, getBytes. */
class ScriptBytesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** What text can hold that needs care: escapes, line separators, surrogates (paired and lone), every UTF-8 length. */
    private static final String HARD = "\"\\/\b\t\n\f\r\u0000\u0001\u001f\u007f\u0080é\u00ff\u0100Ωж日本\u2027\u2028\u2029\u202a"
            + "\ud83d\ude00\ud83d\ude00\ud800\udfff\ue000\uffff\u00e2\u0080";

    @Test
    void aStringIsWhatJacksonReplaceAndGetBytesMadeOfIt() throws JsonProcessingException {
        Random random = new Random(16);
        List<String> strings = new ArrayList<>(List.of("", "plain text", HARD, "\ud800", "\udc00", "x\ud83d", "\ude00x",
                "\u2028\u2029", "\u00e2\u0080\u00a8"));
        for (int k = 0; k < 20_000; k++) strings.add(random(random, random.nextInt(40)));
        for (String s : strings) {
            byte[] expected = old(JSON.writeValueAsString(s));
            assertArrayEquals(expected, new ScriptBytes(4).string(s).toBytes(), s);
            assertArrayEquals(old(s), new ScriptBytes(4).raw(s).toBytes(), s);
        }
        assertArrayEquals("null".getBytes(StandardCharsets.US_ASCII), new ScriptBytes(4).string(null).toBytes());
    }

    @Test
    void numbersAreWrittenAsIntegerToString() {
        for (int n : new int[] {0, 1, 9, 10, 99, 100, 12345, -1, -10, Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE + 1}) {
            assertEquals(Integer.toString(n), new String(new ScriptBytes(1).number(n).toBytes(), StandardCharsets.US_ASCII));
        }
    }

    @Test
    void theMetadataTextAndEntryFilesAreThoseJacksonMadeWhateverTheText() throws JsonProcessingException {
        Random random = new Random(5);
        List<SearchEntry> entries = new ArrayList<>();
        for (int k = 0; k < 61; k++) {
            String body = k % 3 == 0 ? random(random, 600) : random(random, 30);
            entries.add(new SearchEntry(random(random, 12), k % 5 == 0 ? null : random(random, 20), "a/" + k + ".html",
                    random(random, 8), k % 7 == 0 ? null : "Kind", random(random, 20), k % 11 == 0 ? null : body));
        }
        SortedMap<String, byte[]> files = SearchIndex.files(entries);
        int pages = 0;
        for (int n = 0; n * SearchIndex.PAGE_SIZE < entries.size(); n++, pages++) {
            List<List<Object>> rows = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            boolean cut = false;
            for (int k = n * SearchIndex.PAGE_SIZE; k < Math.min(entries.size(), (n + 1) * SearchIndex.PAGE_SIZE); k++) {
                SearchEntry a = entries.get(k);
                String source = SearchIndex.snippetSource(a.b());
                List<Object> row = new ArrayList<>(List.of(text(a.t()), text(a.s()), text(a.k()), text(a.d()), text(a.u()), source));
                if (source.length() < text(a.b()).length()) {
                    row.add(1);
                    texts.add(a.b());
                    cut = true;
                } else {
                    texts.add(null);
                }
                rows.add(row);
            }
            assertArrayEquals(old("certdocsSearch.page(" + n + "," + JSON.writeValueAsString(rows) + ");\n"),
                    files.get("search/m/" + n + ".js"), "page " + n);
            if (cut) {
                assertArrayEquals(old("certdocsSearch.texts(" + n + "," + JSON.writeValueAsString(texts) + ");\n"),
                        files.get("search/s/" + n + ".js"), "texts " + n);
            }
        }
        List<String> keys = new ArrayList<>();
        for (String path : files.keySet()) {
            if (path.startsWith("search/t/")) {
                String text = new String(files.get(path), StandardCharsets.UTF_8);
                String key = JSON.readValue(text.substring("certdocsSearch.shard(".length(), text.indexOf(",{")), String.class);
                keys.add(key);
                assertEquals("search/t/" + SearchIndex.fileName(key) + ".js", path);
            }
        }
        keys.sort(null);
        Map<String, Object> head = new LinkedHashMap<>();
        head.put("articles", entries.size());
        head.put("pageSize", SearchIndex.PAGE_SIZE);
        head.put("shards", keys);
        head.put("stop", SearchIndex.STOP);
        assertArrayEquals(old("certdocsSearch.index(" + JSON.writeValueAsString(head) + ");\n"), files.get("search/index.js"));
        assertEquals(pages > 0, files.containsKey("search/m/0.js"));
    }

    /** How a script's text became bytes before ScriptBytes. */
    private static byte[] old(String text) {
        return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").getBytes(StandardCharsets.UTF_8);
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static String random(Random random, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int pick = random.nextInt(10);
            if (pick < 5) sb.append((char) ('a' + random.nextInt(26)));
            else if (pick == 5) sb.append(' ');
            else if (pick == 6) sb.append(HARD.charAt(random.nextInt(HARD.length())));
            else if (pick == 7) sb.append((char) random.nextInt(0x80));
            else if (pick == 8) sb.append((char) random.nextInt(0x10000));
            else sb.appendCodePoint(0x10000 + random.nextInt(0x100000));
        }
        return sb.toString();
    }
}
