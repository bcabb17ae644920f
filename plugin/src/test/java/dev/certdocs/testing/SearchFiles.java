package dev.certdocs.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the sharded search index of a published version back (its script files hold JSON in a call). */
public final class SearchFiles {

    private SearchFiles() {
    }

    /** The JSON arguments of the call in {@code file}: {@code certdocsSearch.x(a,b);} gives [a, b]. */
    public static JsonNode call(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int open = text.indexOf('(');
        int close = text.lastIndexOf(')');
        return new ObjectMapper().readTree("[" + text.substring(open + 1, close) + "]");
    }

    /** Every article's metadata row, in document order: [title, service, kind, description, url, snippet source]. */
    public static List<JsonNode> rows(Path versionDir) throws IOException {
        JsonNode head = call(versionDir.resolve("search/index.js")).get(0);
        int pages = (head.get("articles").asInt() + head.get("pageSize").asInt() - 1) / head.get("pageSize").asInt();
        List<JsonNode> rows = new ArrayList<>();
        for (int n = 0; n < pages; n++) call(versionDir.resolve("search/m/" + n + ".js")).get(1).forEach(rows::add);
        return rows;
    }
}
