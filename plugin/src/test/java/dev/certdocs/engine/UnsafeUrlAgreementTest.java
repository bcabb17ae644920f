package dev.certdocs.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.certdocs.testing.ArticleText;
import dev.certdocs.testing.ContentRepo;
import dev.certdocs.testing.GeneratedSite;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code validate} warns about as {@code html/unsafe} is exactly what {@code generate}
 * removes from the page: one article holds a table of link and image destinations, safe and
 * hostile, one per line; the lines warned about are the lines whose link or image lost its URL.
 */
class UnsafeUrlAgreementTest {

    static final List<String> DESTINATIONS = List.of(
            "javascript:alert(1)", "javascript%3aalert(1)", "JaVaScRiPt%3Aalert(1)", "&#106;avascript:alert(1)",
            "java&#9;script:alert(1)", "javascript&colon;alert(1)", "javascript%253Aalert(1)", "vbscript%3Amsgbox(1)",
            "data%3Atext/html,x", "data:text/html;base64,PHNjcmlwdD4=", "data:image/png;base64,iVBORw0KGgo=",
            "data:image/svg+xml;base64,PHN2Zz4=", "file:///etc/passwd", "ftp://example.com/x",
            "button-link:javascript:alert(1)", "button-link:https://portal.azure.com",
            "data-blade:Microsoft_Azure_Compute.VirtualMachinesBlade", "https://learn.microsoft.com",
            "mailto:help@contoso.com", "tel:+1-555-0100", "other.md", "./javascript:alert(1).md", "#top",
            "<javascript:alert(1)>", "media/x.png");

    @Test
    void validateWarnsAboutExactlyTheUrlsGenerateRemoves(@TempDir Path dir) {
        StringBuilder body = new StringBuilder("\n# Agreement\n\n");
        for (int i = 0; i < DESTINATIONS.size(); i++) {
            String d = DESTINATIONS.get(i);
            body.append("[link").append(i).append("](").append(d).append(") and ![img").append(i).append("](")
                    .append(d).append(")\n\n");
        }
        String text = ArticleText.generic("agreement").body(body.toString()).text();
        int first = text.substring(0, text.indexOf("[link0](")).split("\n", -1).length; // the line of the first entry
        ContentRepo repo = ContentRepo.in(dir)
                .file("articles/compute/agreement.md", text)
                .file("articles/compute/other.md", ArticleText.generic("other"));

        TreeSet<String> warned = new TreeSet<>();
        for (String line : ContentRepo.allProblems(repo.validate())) {
            if (!line.contains("[html/unsafe]")) continue;
            String[] at = line.split(":");
            int entry = (Integer.parseInt(at[1]) - first) / 2;
            boolean image = line.contains("image source");
            warned.add((image ? "img" : "link") + entry + " " + DESTINATIONS.get(entry));
        }

        GenerateResult result = repo.generate(b -> b.force(true));
        assertFalse(result.failed(), result.reason());
        Document page = GeneratedSite.at(repo.siteDirectory()).page("public/1.0.0/compute/agreement.html");
        TreeSet<String> removed = new TreeSet<>();
        for (int i = 0; i < DESTINATIONS.size(); i++) {
            Element link = page.selectFirst("main a:containsOwn(link" + i + ")");
            if (link == null || !link.hasAttr("href")) removed.add("link" + i + " " + DESTINATIONS.get(i));
            Element img = page.selectFirst("main img[alt=img" + i + "]");
            if (img == null || !img.hasAttr("src")) removed.add("img" + i + " " + DESTINATIONS.get(i));
        }
        List<String> expectedSome = new ArrayList<>(removed);
        assertFalse(expectedSome.isEmpty());
        assertEquals(String.join("\n", removed), String.join("\n", warned));
    }
}
