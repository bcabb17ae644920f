package dev.certdocs.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certdocs.config.BuildConfig;
import dev.certdocs.config.CloudSettings;
import dev.certdocs.config.LinkSettings;
import dev.certdocs.engine.LinkCheckResult;
import dev.certdocs.link.http.UrlResult;
import dev.certdocs.testing.ArticleText;
import dev.certdocs.testing.ContentRepo;
import dev.certdocs.testing.FakeUrls;
import dev.certdocs.testing.RecordingLog;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * check-links on small repositories written for each behaviour. An article's body starts on
 * line 13 (after an {@link ArticleText} properties block); every body here opens with a blank
 * line and its H1, so the first paragraph is on line 16. External URLs go to {@link FakeUrls}.
 */
class LinkCheckTest {

    @TempDir
    Path root;

    private ContentRepo repo;
    private final FakeUrls urls = new FakeUrls();
    private final RecordingLog log = new RecordingLog();
    private int ids;

    @BeforeEach
    void setUp() {
        repo = ContentRepo.in(root);
    }

    private void article(String path, String clouds, String body) {
        repo.file(path, ArticleText.generic("id-" + (++ids)).set("cloudEnvironments", clouds).body(body));
    }

    private LinkCheckResult check() {
        return check(b -> b);
    }

    private LinkCheckResult check(UnaryOperator<BuildConfig.Builder> tune) {
        return repo.checkLinks(tune, urls::open, log);
    }

    private List<String> problems() {
        return ContentRepo.problems(check());
    }

    @Test
    void reportsAMissingFileWithTheNearestNameInItsFolder() {
        article("articles/compute/vm-start-fails.md", "public", "\n# Start fails\n");
        article("articles/compute/resize.md", "public", """

                # Resize

                See [start](vm-start-fail.md), [resize](Resize.md), [nothing](../network/none.md) and ![d](media/d.png).
                """);
        assertEquals(List.of(
                "articles/compute/resize.md:16:5: error [link/broken-internal] link target 'vm-start-fail.md' does not exist"
                        + " (looked for articles/compute/vm-start-fail.md), did you mean 'vm-start-fails.md'?",
                "articles/compute/resize.md:16:32: error [link/broken-internal] link target 'Resize.md' does not exist"
                        + " (looked for articles/compute/Resize.md), did you mean 'resize.md'?",
                "articles/compute/resize.md:16:53: error [link/broken-internal] link target '../network/none.md' does not"
                        + " exist (looked for articles/network/none.md)",
                "articles/compute/resize.md:16:87: error [link/broken-internal] link target 'media/d.png' does not exist"
                        + " (looked for articles/compute/media/d.png)"), problems());
    }

    @Test
    void acceptsExistingArticlesImagesAndAssetsAnywhereInTheRepository() {
        article("articles/a.md", "public", "\n# A\n");
        repo.file("articles/media/d.png", "png");
        repo.file("includes/media/e.png", "png");
        repo.file("downloads/tool.zip", "zip");
        article("articles/b.md", "public", """

                # B

                [a](a.md), [a again](./a.md?view=print#a), ![d](media/d.png), <img src="../includes/media/e.png" alt="e">,
                [tool](../downloads/tool%2Ezip), [self](#b), [top](#top), [empty](#).
                """);
        LinkCheckResult result = check();
        assertEquals(List.of(), ContentRepo.problems(result));
        assertEquals(8, result.counts().internalOk());
        assertFalse(result.failed());
    }

    @Test
    void reportsLinksThatLeaveTheRepositoryOrPointAtFilesWithoutAPage() {
        repo.file("includes/steps.md", "## Steps\n");
        article("articles/a.md", "public", """

                # A

                [out](../../etc/passwd), [include](../includes/steps.md), [folder](../includes/).
                """);
        assertEquals(List.of(
                "articles/a.md:16:1: error [link/broken-internal] link target '../../etc/passwd' leaves the repository;"
                        + " links must stay inside it",
                "articles/a.md:16:26: error [link/broken-internal] link target '../includes/steps.md' is a Markdown file but"
                        + " not an article (includes/steps.md), so it has no page",
                "articles/a.md:16:59: error [link/broken-internal] link target '../includes/' is a folder (includes), not a file"),
                problems());
    }

    @Test
    void reportsATargetNoFileSystemCanHoldAsMissingNotAsACrash() {
        // %00 decodes to NUL, which no path may hold; a raw NUL in an attribute is as bad
        article("articles/a.md", "public", "\n# A\n\n[nul](bad%00name.md) and <img src=\u0000/>\n");
        assertEquals(List.of(
                "articles/a.md:16:1: error [link/broken-internal] link target 'bad%00name.md' does not exist"
                        + " (looked for bad\u0000name.md)",
                "articles/a.md:16:26: error [link/broken-internal] link target '\u0000/' does not exist (looked for \u0000/)"),
                problems());
    }

    @Test
    void reportsAMissingAnchorWithTheNearestHeading() {
        article("articles/a.md", "public", """

                # Start fails

                ## Step 1: check the quota

                [ok](b.md#check-the-logs), [near](b.md#check-the-log), [case](b.md#Check-the-logs), [self](#step-1-check-the-quota),
                [self near](#step-1-check-quota).
                """);
        article("articles/b.md", "public", "\n# B\n\n## Check the logs\n");
        assertEquals(List.of(
                "articles/a.md:18:28: error [link/missing-anchor] no heading or anchor '#check-the-log' in articles/b.md,"
                        + " did you mean '#check-the-logs'?",
                "articles/a.md:18:56: error [link/missing-anchor] no heading or anchor '#Check-the-logs' in articles/b.md,"
                        + " did you mean '#check-the-logs'?",
                "articles/a.md:19:1: error [link/missing-anchor] no heading or anchor '#step-1-check-quota' on this page,"
                        + " did you mean '#step-1-check-the-quota'?"), problems());
    }

    @Test
    void findsAHeadingWithAVariableOnlyInTheCloudsWhoseValueGivesItsId() {
        // b's ids differ per cloud; c's are the same in each (asked once for all): both checked in each cloud.
        article("articles/a.md", "public, fairfax", """

                # A

                [open](b.md#open-azure), [gov](b.md#open-azure-government), [c](c.md#steps), [c near](c.md#step)
                """);
        article("articles/b.md", "public, fairfax", "\n# B\n\n## Open {{cloud.name}}\n");
        article("articles/c.md", "public, fairfax", "\n# C\n\n## Steps\n");
        assertEquals(List.of(
                "articles/a.md:16:1: error [link/missing-anchor] no heading or anchor '#open-azure' in articles/b.md"
                        + " (in fairfax)",
                "articles/a.md:16:26: error [link/missing-anchor] no heading or anchor '#open-azure-government' in"
                        + " articles/b.md (in public)",
                "articles/a.md:16:78: error [link/missing-anchor] no heading or anchor '#step' in articles/c.md,"
                        + " did you mean '#steps'?"), problems());
    }

    @Test
    void givesRepeatedHeadingsTheRenderersSuffixes() {
        article("articles/a.md", "public", """

                # Errors

                ## Cause

                ## Cause

                ## Cause

                [first](#cause), [second](#cause-1), [third](#cause-2), [none](#cause-3).
                """);
        assertEquals(List.of("articles/a.md:22:57: error [link/missing-anchor] no heading or anchor '#cause-3' on this page,"
                + " did you mean '#cause-1'?"), problems());
    }

    @Test
    void acceptsExplicitAnchors() {
        article("articles/a.md", "public", """

                # Errors

                ## Custom heading {#custom}

                <a id="by-id"></a><a name="by-name"></a>

                <h2 id="html-id">HTML heading with an id</h2>

                <h3>HTML heading</h3>

                [1](#custom), [2](#by-id), [3](#by-name), [4](#html-id), [5](#html-heading), [6](#custom-heading).
                """);
        assertEquals(List.of("articles/a.md:24:78: error [link/missing-anchor] no heading or anchor '#custom-heading' on"
                + " this page"), problems());
    }

    @Test
    void reportsALinkToAnArticleNotPublishedInSomeCloudsOfItsPageOnceNamingThoseClouds() {
        article("articles/public-only.md", "public, mooncake", "\n# Public only\n");
        article("articles/everywhere.md", "public, fairfax, usnat", """

                # Everywhere

                See [the public article](public-only.md#public-only).
                """);
        assertEquals(List.of(
                "articles/everywhere.md:16:5: error [link/cross-cloud] links to articles/public-only.md, which is not published"
                        + " in fairfax, usnat (it is published in public, mooncake)"), problems());
    }

    @Test
    void checksALinkInACloudBlockOnlyInTheCloudsThatKeepIt() {
        article("articles/public-only.md", "public", "\n# Public only\n\n## Only here\n");
        article("articles/gov.md", "public, fairfax", """

                # Gov

                ::: cloud include="public"
                [public article](public-only.md)
                ::: cloud-end

                ::: cloud include="fairfax"
                [public article from fairfax](public-only.md)

                ## Fairfax steps
                ::: cloud-end

                [steps](#fairfax-steps)
                """);
        assertEquals(List.of(
                "articles/gov.md:21:1: error [link/cross-cloud] links to articles/public-only.md, which is not published in"
                        + " fairfax (it is published in public)",
                "articles/gov.md:26:1: error [link/missing-anchor] no heading or anchor '#fairfax-steps' on this page (in public)"),
                problems());
    }

    @Test
    void checksIncludeFileLinksFromTheIncludeFileForEachArticleThatIncludesIt() {
        repo.file("includes/steps.md", """
                ## Shared steps

                1. Read [the guide](../articles/guide.md) and [missing](../articles/missing.md).
                2. Jump to [the cause](#cause).
                """);
        article("articles/guide.md", "public", "\n# Guide\n");
        article("articles/a.md", "public", """

                # A

                ## Cause

                [!INCLUDE [steps](../includes/steps.md)]

                [shared](#shared-steps)
                """);
        article("articles/sub/b.md", "public", """

                # B

                [!INCLUDE [steps](../../includes/steps.md)]
                """);
        assertEquals(List.of(
                "includes/steps.md:3:47: error [link/broken-internal] link target '../articles/missing.md' does not exist"
                        + " (looked for articles/missing.md)",
                "includes/steps.md:4:12: error [link/missing-anchor] no heading or anchor '#cause' on the page of"
                        + " articles/sub/b.md, which includes this file"), problems());
    }

    @Test
    void reportsHostsAnAirGappedCloudCannotReachWithoutRequestingThem() {
        article("articles/a.md", "public, usnat", """

                # A

                [learn](https://learn.microsoft.com/en-us/azure/), [portal](https://portal.azure.com/#home),
                [status]({{cloud.statusUrl}}).
                """);
        LinkCheckResult result = check(b -> b.cloudSettings(List.of(new CloudSettings("usnat", null,
                "https://portal.contoso.eaglex.ic.gov", null, Map.of("statusUrl", "https://status.contoso.eaglex.ic.gov"),
                List.of("https://portal.azure.com -> https://portal.contoso.eaglex.ic.gov"), null,
                List.of("portal.contoso.eaglex.ic.gov", "*.eaglex.ic.gov"), null),
                new CloudSettings("public", null, null, null, Map.of("statusUrl", "https://status.example.com"), null, null,
                        null, null))));
        assertEquals(List.of("articles/a.md:16:1: error [link/air-gapped] https://learn.microsoft.com/en-us/azure/ cannot be"
                + " reached from usnat: its host learn.microsoft.com is not the cloud's portal or documentation host nor on its allowedHosts"), ContentRepo.problems(result));
        assertEquals(List.of("https://learn.microsoft.com/en-us/azure/", "https://portal.azure.com/",
                "https://status.example.com"), urls.requests().stream().sorted().toList());
        assertEquals(1, result.counts().airGapped());
    }

    @Test
    void checksMailtoTelAndPortalLinksForSyntaxOnlyAndLeavesUnsafeSchemesToHtmlUnsafe() {
        article("articles/a.md", "public", """

                # A

                [ok](mailto:ops@contoso.com?subject=Help) [bad](mailto:ops-at-contoso) [empty](mailto:)
                [ok](tel:+1-800-555-0100) [bad](tel:+1-800-CALL-NOW)
                [ok](data-blade:Microsoft_Azure_Compute.VirtualMachineBlade.id.%2Fsubscriptions%2Fx)
                [short](data-blade:Microsoft_Azure_Compute) [pair](data-blade:Ext.Blade.id)
                [dot](data-blade:Ext.Blade.id.%2Fproviders%2FMicrosoft.Compute%2Fvm)
                [button](button-link:https://portal.azure.com/#create/Microsoft.Support) [bad button](button-link:support)
                [ftp](ftp://files.contoso.com/x) [root](/articles/a.md) [undefined][nowhere]
                """);
        assertEquals(List.of(
                "articles/a.md:16:43: error [link/syntax] 'ops-at-contoso' is not an e-mail address (name@example.com)",
                "articles/a.md:16:72: error [link/syntax] the mailto: link has no address",
                "articles/a.md:17:27: error [link/syntax] '+1-800-CALL-NOW' is not a phone number: only digits, a leading '+'"
                        + " and the separators - . ( ) and space may appear",
                "articles/a.md:19:1: error [link/syntax] 'Microsoft_Azure_Compute' needs at least Extension.BladeName",
                "articles/a.md:19:45: error [link/syntax] the blade parameter 'id' has no value; write .id.value",
                "articles/a.md:20:1: error [link/syntax] the value of the blade parameter 'id' holds a '.', which data-blade:"
                        + " reads as a separator ('%2Fproviders%2FMicrosoft.Compute%2Fvm'); write the dot as %2E",
                "articles/a.md:21:74: error [link/syntax] button-link: needs an http(s) URL, not 'support'",
                "articles/a.md:22:34: error [link/syntax] '/articles/a.md' is relative to the web server's root, but each"
                        + " cloud's site is served from its own folder; write the path relative to this file",
                "articles/a.md:22:57: error [link/syntax] the reference [nowhere] is not defined, so the page shows the"
                        + " link's brackets as text"), problems());
        assertEquals(List.of("https://portal.azure.com/"), urls.requests());
    }

    @Test
    void checksEachExternalUrlOnceAndReportsItWhereverItIsUsed() {
        urls.answer("https://gone.example/page", UrlResult.Outcome.BROKEN, "404 Not Found")
                .answer("https://slow.example/", UrlResult.Outcome.TIMEOUT, "no answer in 30 s")
                .answer("https://nowhere.example/", UrlResult.Outcome.UNREACHABLE, "unknown host nowhere.example")
                .answer("https://busy.example/", UrlResult.Outcome.RATE_LIMITED, "429 Too Many Requests after 3 retries")
                .answer("https://shy.example/", UrlResult.Outcome.BLOCKED, "999")
                .answer("https://skip.example/", UrlResult.Outcome.EXCLUDED, "excluded")
                .answer("https://forbidden.example/", UrlResult.Outcome.WARNED, "403 Forbidden");
        article("articles/a.md", "public, fairfax", """

                # A

                [gone](https://gone.example/page#part) and again <https://gone.example/page>.
                [slow](https://slow.example/) [nowhere](https://nowhere.example/) [busy](https://busy.example/)
                [shy](https://shy.example/) [skip](https://skip.example/) [forbidden](https://forbidden.example/)
                """);
        article("articles/b.md", "public", "\n# B\n\nAlso [gone](https://gone.example/page).\n");
        LinkCheckResult result = check();
        assertEquals(List.of(
                "articles/a.md:16:1: error [link/broken-external] https://gone.example/page is broken: 404 Not Found",
                "articles/a.md:16:50: error [link/broken-external] https://gone.example/page is broken: 404 Not Found",
                "articles/a.md:17:1: error [link/timeout] https://slow.example/ timed out: no answer in 30 s",
                "articles/a.md:17:31: error [link/unreachable] https://nowhere.example/ is unreachable: unknown host nowhere.example",
                "articles/a.md:17:67: warning [link/rate-limited] https://busy.example/ is rate-limited: 429 Too Many Requests"
                        + " after 3 retries",
                "articles/a.md:18:1: warning [link/blocked] https://shy.example/ blocked the link checker: 999",
                "articles/a.md:18:59: warning [link/broken-external] https://forbidden.example/ answered: 403 Forbidden",
                "articles/b.md:16:6: error [link/broken-external] https://gone.example/page is broken: 404 Not Found"),
                ContentRepo.problems(result));
        assertEquals(List.of("https://busy.example/", "https://forbidden.example/", "https://gone.example/page",
                "https://nowhere.example/", "https://shy.example/", "https://skip.example/", "https://slow.example/"),
                urls.requests());
        assertEquals(1, urls.opened());
        assertTrue(urls.closed());
        assertEquals(1, result.counts().external(UrlResult.Outcome.EXCLUDED));
        assertTrue(result.failed());
    }

    @Test
    void requestsEachCloudsRewriteOfAUrlAndNamesTheCloudWhereOnlyOneFails() {
        urls.answer("https://portal.azure.us/", UrlResult.Outcome.BROKEN, "404 Not Found");
        article("articles/a.md", "public, fairfax", "\n# A\n\n[support](https://portal.azure.com/#create).\n");
        assertEquals(List.of("articles/a.md:16:1: error [link/broken-external] https://portal.azure.us/ is broken:"
                + " 404 Not Found (rewritten from https://portal.azure.com/#create) (in fairfax)"),
                problems().stream().toList());
        assertEquals(List.of("https://portal.azure.com/", "https://portal.azure.us/"), urls.requests());
    }

    @Test
    void checksExternalFragmentsWhenAsked() {
        urls.answer("https://docs.example/page#missing", UrlResult.Outcome.MISSING_FRAGMENT, "no element with id 'missing'");
        article("articles/a.md", "public", "\n# A\n\n[a](https://docs.example/page#missing) [b](https://docs.example/page#ok)\n");
        LinkSettings d = LinkSettings.defaults(root.resolve("target/certdocs"));
        LinkSettings fragments = new LinkSettings(false, true, 64, 8, d.hostInterval(), d.connectTimeout(), d.timeout(), 3,
                d.maxRetryWait(), 10, d.maxBodyBytes(), d.cacheTtl(), d.cacheFile(), true, List.of(), List.of(), Map.of(),
                Map.of(), d.userAgent(), false, false);
        assertEquals(List.of("articles/a.md:16:1: error [link/missing-anchor] https://docs.example/page#missing has no"
                + " anchor '#missing': no element with id 'missing'"), ContentRepo.problems(check(b -> b.links(fragments))));
        assertEquals(List.of("https://docs.example/page#missing", "https://docs.example/page#ok"), urls.requests());
    }

    @Test
    void offlineChecksEverythingButExternalUrlsAndSaysSo() {
        article("articles/a.md", "public", """

                # A

                [gone](https://gone.example/) [also](https://also.example/) [again](https://gone.example/#x) [broken](nope.md)
                """);
        LinkSettings d = LinkSettings.defaults(root.resolve("target/certdocs"));
        LinkSettings offline = new LinkSettings(true, true, 64, 8, d.hostInterval(), d.connectTimeout(), d.timeout(), 3,
                d.maxRetryWait(), 10, d.maxBodyBytes(), d.cacheTtl(), d.cacheFile(), false, List.of(), List.of(), Map.of(),
                Map.of(), d.userAgent(), false, false);
        LinkCheckResult result = check(b -> b.links(offline));
        assertEquals(List.of("articles/a.md:16:94: error [link/broken-internal] link target 'nope.md' does not exist"
                + " (looked for articles/nope.md)"), ContentRepo.problems(result));
        assertEquals(0, urls.opened());
        assertEquals(2, result.counts().notChecked());
        assertTrue(log.lines().contains("[INFO] offline: 2 external URLs not checked"), log.lines().toString());
    }

    @Test
    void failOnBrokenLinksOffReportsButPasses() {
        article("articles/a.md", "public", "\n# A\n\n[broken](nope.md)\n");
        LinkSettings d = LinkSettings.defaults(root.resolve("target/certdocs"));
        LinkSettings lenient = new LinkSettings(false, false, 64, 8, d.hostInterval(), d.connectTimeout(), d.timeout(), 3,
                d.maxRetryWait(), 10, d.maxBodyBytes(), d.cacheTtl(), d.cacheFile(), false, List.of(), List.of(), Map.of(),
                Map.of(), d.userAgent(), false, false);
        LinkCheckResult result = check(b -> b.links(lenient));
        assertEquals(1, result.summary().findings().size());
        assertFalse(result.failed());
    }

    @Test
    void replacesCloudVariablesInTargetsPerCloud() {
        article("articles/a.md", "public, fairfax", "\n# A\n\n[portal]({{cloud.portalUrl}}/#home)\n");
        assertEquals(List.of(), problems());
        assertEquals(List.of("https://portal.azure.com/", "https://portal.azure.us/"), urls.requests());
    }

    @Test
    void logsTheSummaryTable() {
        urls.answer("https://gone.example/", UrlResult.Outcome.BROKEN, "404 Not Found");
        article("articles/a.md", "public", "\n# A\n\n[a](a.md) [b](b.md) [ok](https://ok.example/) [gone](https://gone.example/)\n");
        check();
        List<String> lines = log.lines();
        int at = lines.indexOf("[INFO] Link results:");
        assertEquals(List.of(
                "[INFO]   internal ok      1",
                "[INFO]   internal broken  1",
                "[INFO]   external ok      1",
                "[INFO]   broken           1",
                "[INFO]   timeout          0",
                "[INFO]   unreachable      0",
                "[INFO]   rate-limited     0",
                "[INFO]   blocked          0",
                "[INFO]   excluded         0",
                "[INFO]   air-gapped       0"), lines.subList(at + 1, at + 11));
    }
}
