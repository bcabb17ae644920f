package dev.certdocs.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.certdocs.config.BuildConfig;
import dev.certdocs.support.BuildLog;
import dev.certdocs.testing.ArticleText;
import dev.certdocs.testing.ContentRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine tells the HTML report who owns each article: its ownershipId, whichever goal, cached or not. */
class ReportTeamsTest {

    @TempDir
    Path dir;

    private ContentRepo repo() {
        ContentRepo repo = ContentRepo.in(dir.resolve("repo"));
        repo.file("articles/compute/a.md", ArticleText.generic("a").set("ownershipId", "Compute_Team")
                .body("\nNo heading.\n\n[x](missing.md)\n"));
        repo.file("articles/compute/b.md", ArticleText.generic("b").set("ownershipId", "Compute_Team").body("\nNo heading.\n"));
        repo.file("articles/network/c.md", ArticleText.generic("c").set("ownershipId", "Network_Team")
                .body("\nNo heading.\n\n[y](gone.md)\n"));
        return repo;
    }

    /** The rows of the page's table of teams, or of folders: {@code name findings}. */
    private List<String> rows(Path report, String table) throws IOException {
        String html = Files.readString(report);
        List<String> rows = new ArrayList<>();
        int goal = html.indexOf("<section class=\"goal\" id=\"goal-" + (table.startsWith("links:") ? "check-links" : "validate"));
        String cls = table.replace("links:", "");
        int start = html.indexOf("<table class=\"" + cls + "\">", goal);
        Matcher m = Pattern.compile("data-v=\"([^\"]*)\">[^<]*</button></th><td class=\"n\">(\\d+)</td>")
                .matcher(html.substring(start, html.indexOf("</table>", start)));
        while (m.find()) rows.add(m.group(1) + " " + m.group(2));
        return rows;
    }

    @Test
    void validateCountsFindingsByTheArticlesOwnershipIdAndServiceFolder() throws IOException {
        ContentRepo repo = repo();
        repo.validate();
        Path report = repo.root().resolve("target/certdocs/report.html");
        // Each article lacks its H1; a.md and c.md link to files that do not exist (validate checks links too).
        assertEquals(List.of("Compute_Team 3", "Network_Team 2"), rows(report, "by-team"));
        assertEquals(List.of("compute 3", "network 2"), rows(report, "by-folder"));
    }

    @Test
    void checkLinksCountsByTeamToo() throws IOException {
        ContentRepo repo = repo();
        CertDocs.checkLinks(BuildConfig.builder(repo.root()).threads(2).clouds(List.of("public")).build(), BuildLog.SILENT);
        assertEquals(List.of("Compute_Team 1", "Network_Team 1"),
                rows(repo.root().resolve("target/certdocs/report.html"), "links:by-team"));
    }

    @Test
    void anIncrementalGenerateThatReusesItsChecksStillKnowsTheTeams() throws IOException {
        ContentRepo repo = repo();
        BuildConfig config = BuildConfig.builder(repo.root()).threads(2).clouds(List.of("public")).force(true).build();
        CertDocs.generate(config, BuildLog.SILENT);
        CertDocs.generate(config, BuildLog.SILENT); // every article's checks come from the cache
        assertEquals(List.of("Compute_Team 3", "Network_Team 2"),
                rows(repo.root().resolve("target/certdocs/report.html"), "by-team"));
    }
}
