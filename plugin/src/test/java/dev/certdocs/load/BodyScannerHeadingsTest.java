package dev.certdocs.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.certdocs.config.SchemaLoader;
import dev.certdocs.model.Heading;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The headings the loader finds, with the text and ids the renderer and link checker use. */
class BodyScannerHeadingsTest {

    private static List<String> headings(String body) {
        String text = "<properties pageTitle=\"T\" />\n" + body;
        var loaded = new ArticleLoader(Path.of("."), SchemaLoader.builtIn()).parse("articles/a.md", Path.of("a.md"), text);
        return loaded.article().body().headings().stream().map(BodyScannerHeadingsTest::show).toList();
    }

    private static String show(Heading h) {
        return h.level() + " " + h.text() + " #" + h.id() + " @" + h.position().line() + ":" + h.position().column();
    }

    @Test
    void findsAtxAndSetextHeadingsWithTheirIdsAndPositions() {
        assertEquals(List.of("1 Title #title @2:1", "2 Setext two #setext-two @4:1", "1 Setext one #setext-one @7:1",
                        "3 Closed #closed @11:4"),
                headings("# Title\n\nSetext two\n---\n\nSetext one\n===\n\n\n   ### Closed ###\n"));
    }

    @Test
    void takesTheTextOfLinksCodeAndEmphasisForTheId() {
        assertEquals(List.of("2 Run az vm start with the CLI #run-az-vm-start-with-the-cli @2:1",
                        "2 Bold and italic #bold-and-italic @3:1"),
                headings("## Run `az vm start` with [the CLI](https://learn.microsoft.com/cli)\n## **Bold** and _italic_\n"));
    }

    @Test
    void numbersDuplicateHeadingsAcrossLevels() {
        assertEquals(List.of("1 Steps #steps @2:1", "2 Steps #steps-1 @3:1", "3 Steps #steps-2 @4:1"),
                headings("# Steps\n## Steps\n### Steps\n"));
    }

    @Test
    void ignoresHeadingsInFencedCodeAndHashesWithoutSpace() {
        assertEquals(List.of("1 Real #real @6:1"), headings("```\n# Not a heading\n```\n#Not either\n# Real\n"));
    }
}
