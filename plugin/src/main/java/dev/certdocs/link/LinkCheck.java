package dev.certdocs.link;

import dev.certdocs.config.BuildConfig;
import dev.certdocs.support.BuildLog;
import dev.certdocs.support.CertDocsException;
import dev.certdocs.support.Parallel;
import dev.certdocs.config.Cloud;
import dev.certdocs.config.UrlPolicy;
import dev.certdocs.diagnostic.Rule;
import dev.certdocs.diagnostic.Rules;
import dev.certdocs.load.Includes;
import dev.certdocs.load.LinkScanner;
import dev.certdocs.model.CloudScope;
import dev.certdocs.model.Link;
import dev.certdocs.model.PageLinks;
import dev.certdocs.model.SourcePosition;
import dev.certdocs.diagnostic.Suggestions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The link stage: every link of every page of every cloud the build checks. A page is an
 * article in a cloud it is published in; its links are the article's and those of the files it
 * includes (at the include file's positions, resolved from the include file), each only in the
 * clouds its {@code ::: cloud} blocks keep it in, with the cloud's {@code {{cloud.x}}} replaced.
 * Paths, anchors, clouds and syntax are checked here; external URLs, after the cloud's rewrite
 * rules, go to {@link ExternalUrls} once each, unless the run is offline. Air-gapped clouds'
 * URLs are never requested: their hosts are checked against the cloud's allow-list.
 */
public final class LinkCheck {

    /** An article as the link stage sees it: its path, the clouds of this build it is published in, its links. */
    public record Page(String path, List<String> clouds, PageLinks links) {

        public Page {
            clouds = List.copyOf(clouds);
        }
    }

    /** What is judged without the network: {@code validate} reports these too. */
    private static final List<Rule> OFFLINE_RULES = List.of(Rules.LINK_BROKEN_INTERNAL, Rules.LINK_MISSING_ANCHOR,
            Rules.LINK_CROSS_CLOUD, Rules.LINK_AIR_GAPPED, Rules.LINK_SYNTAX);
    private static final List<Rule> RULES = List.of(Rules.LINK_BROKEN_INTERNAL, Rules.LINK_MISSING_ANCHOR,
            Rules.LINK_CROSS_CLOUD, Rules.LINK_BROKEN_EXTERNAL, Rules.LINK_TIMEOUT, Rules.LINK_UNREACHABLE,
            Rules.LINK_RATE_LIMITED, Rules.LINK_BLOCKED, Rules.LINK_ADDRESS_POLICY, Rules.LINK_AIR_GAPPED, Rules.LINK_SYNTAX);

    private final BuildConfig config;
    private final Includes includes;
    private final LinkScanner scanner;
    private final CloudVariables variables;
    private final Path realBase;
    /** The repository path as the file system spells it, for file systems that ignore case. */
    private final ActualCase actualCase;

    public LinkCheck(BuildConfig config, Includes includes, LinkScanner scanner) {
        this.config = config;
        this.includes = includes;
        this.scanner = scanner;
        this.variables = new CloudVariables(config.catalog().variableNames());
        try {
            this.realBase = config.baseDir().toRealPath();
            this.actualCase = new ActualCase(config.baseDir(), realBase);
        } catch (IOException e) {
            throw new CertDocsException("cannot read the repository directory " + config.baseDir() + ": " + e.getMessage(), e);
        }
    }

    /** The rules the link stage reports. */
    public static List<Rule> rules() {
        return RULES;
    }

    /** The rules of the checks made without the network, which {@code validate} makes too. */
    public static List<Rule> offlineRules() {
        return OFFLINE_RULES;
    }

    /** Whether a rule is one of the {@link #offlineRules()}. */
    public static boolean offline(String ruleId) {
        return OFFLINE_RULES.stream().anyMatch(r -> r.id().equals(ruleId));
    }

    /**
     * The checks made without the network, for {@code validate}: paths, anchors, clouds,
     * air-gapped hosts and syntax. External URLs are neither requested nor gathered.
     */
    public java.util.List<dev.certdocs.diagnostic.Diagnostic> offline(List<Page> pages) {
        Findings findings = new Findings();
        check(pages, findings, null);
        return findings.diagnostics(config);
    }

    /**
     * Checks every page. {@code external} opens the external URL checker; it is not called when
     * the run is offline or no page links outside.
     */
    public LinkReport run(List<Page> pages, Supplier<ExternalUrls> external, BuildLog log) {
        Findings findings = new Findings();
        ExternalLinks externals = new ExternalLinks(config.links().checkExternalFragments());
        check(pages, findings, externals);
        ExternalLinks.Outcome outcome = externals.check(config.links().offline() ? null : external, findings, log);
        return new LinkReport(findings.diagnostics(config), findings.counts(outcome.counts(), outcome.notChecked()));
    }

    /** Checks every page's links into {@code findings}, gathering external URLs into {@code externals} when given. */
    private void check(List<Page> pages, Findings findings, ExternalLinks externals) {
        Map<String, Page> index = new java.util.HashMap<>(pages.size() * 2);
        Map<String, PageLinks> scans = new java.util.HashMap<>(pages.size() * 2);
        for (Page p : pages) {
            index.put(p.path(), p);
            scans.put(p.path(), p.links());
        }
        PageAnchors anchors = new PageAnchors(scans, scanner, includes, variables);
        Parallel.forEach(config.threads(), pages.size(), "link checking",
                i -> new PageCheck(pages.get(i), index, anchors, findings, externals).run());
    }

    /** The checks of one page: its links and its include files' links, in each of its clouds. */
    private final class PageCheck {
        private final Page page;
        private final Map<String, Page> index;
        private final PageAnchors anchors;
        private final Findings findings;
        private final ExternalLinks externals;
        private final List<Cloud> clouds;
        /** The ids of {@link #clouds}: the clouds a link outside any {@code ::: cloud} block is on. */
        private final List<String> cloudIds;
        /** While the links of an include file are checked: the directive in the article that brings them in. */
        private SourcePosition via;
        /**
         * What the link checked last found out that does not depend on the cloud (a link is checked
         * once per cloud, one cloud after the other): its resolution, its case on disk, its URL's syntax.
         */
        private String resolvedFile;
        private String resolvedPath;
        private Includes.Resolution resolved;
        private String casedPath;
        private String cased;
        private String checkedUrl;
        private String urlProblem;
        /** The target text judged last (the same object in each cloud when it holds no variable), and what it is: null when not shown as a link. */
        private String judgedText;
        private boolean judgedEmbedded;
        private Target judged;

        PageCheck(Page page, Map<String, Page> index, PageAnchors anchors, Findings findings, ExternalLinks externals) {
            this.page = page;
            this.index = index;
            this.anchors = anchors;
            this.findings = findings;
            this.externals = externals;
            this.clouds = page.clouds().stream().map(id -> config.catalog().find(id)).flatMap(Optional::stream).toList();
            this.cloudIds = clouds.stream().map(Cloud::id).toList();
        }

        void run() {
            if (clouds.isEmpty()) return;
            List<String> stack = new ArrayList<>(List.of(page.path()));
            walk(page.path(), page.links(), CloudScope.ALL, stack, new java.util.HashSet<>());
        }

        /**
         * The links of a file and of those it includes, down to the depth the renderer inlines;
         * an include file's links are checked once per page and scope, however often it is included.
         */
        private void walk(String file, PageLinks links, CloudScope outer, List<String> stack, java.util.Set<Map.Entry<String, CloudScope>> done) {
            for (Link link : links.links()) {
                CloudScope scope = link.scope().within(outer);
                List<String> admitted = admitted(scope);
                if (admitted.isEmpty()) continue;
                Findings.LinkKey key = new Findings.LinkKey(link.position(), link.target() == null ? "" : link.target());
                findings.evaluated(key, admitted);
                for (Cloud cloud : clouds) {
                    if (scope.admits(cloud.id())) check(key, file, link, cloud);
                }
            }
            for (PageLinks.IncludeAt include : links.includes()) {
                CloudScope scope = include.scope().within(outer);
                if (clouds.stream().noneMatch(c -> scope.admits(c.id()))) continue;
                Includes.Resolution r = resolve(file, include.target());
                // Missing includes and cycles are validate's to report.
                if (r.status() != Includes.Status.FOUND || stack.contains(r.path())
                        || stack.size() > Includes.MAX_DEPTH || !done.add(java.util.Map.entry(r.path(), scope))) {
                    continue;
                }
                boolean top = stack.size() == 1;
                if (top) via = include.position();
                stack.add(r.path());
                walk(r.path(), scanner.include(r.path()), scope, stack, done);
                stack.remove(stack.size() - 1);
                if (top) via = null;
            }
        }

        /** The ids of the page's clouds {@code scope} admits (the page's own list when it admits them all). */
        private List<String> admitted(CloudScope scope) {
            List<String> admitted = null;
            for (int i = 0; i < clouds.size(); i++) {
                boolean in = scope.admits(cloudIds.get(i));
                if (!in && admitted == null) admitted = new ArrayList<>(cloudIds.subList(0, i));
                else if (in && admitted != null) admitted.add(cloudIds.get(i));
            }
            return admitted == null ? cloudIds : List.copyOf(admitted);
        }

        private void check(Findings.LinkKey key, String file, Link link, Cloud cloud) {
            if (link.target() == null) {
                findings.problem(Rules.LINK_SYNTAX, key, "the reference [" + link.reference()
                        + "] is not defined, so the page shows the link's brackets as text", cloud.id(), via);
                return;
            }
            String text = variables.expand(link.target(), cloud);
            // A target without variables is the same string in each cloud: what it is is judged once.
            if (text != judgedText || link.origin().embedded() != judgedEmbedded) {
                judgedText = text;
                judgedEmbedded = link.origin().embedded();
                // What the page does not show as a link is another rule's: a URL the URL policy removes
                // (html/unsafe), a variable no cloud defines (variable/unknown).
                judged = refused(text, link.origin()) || text.contains("{{") && Cloud.VARIABLE.matcher(text).find()
                        ? null : Target.classify(text);
            }
            Target target = judged;
            if (target == null) return;
            switch (target.kind()) {
                case FRAGMENT -> {
                    findings.internal(key);
                    fragment(key, file, page.path(), target.fragment(), cloud);
                }
                case INTERNAL -> {
                    findings.internal(key);
                    internal(key, file, target, cloud);
                }
                case EXTERNAL -> external(key, text, cloud);
                case BUTTON -> {
                    String url = target.afterScheme().strip();
                    if (Target.classify(url).kind() != Target.Kind.EXTERNAL) {
                        findings.problem(Rules.LINK_SYNTAX, key, "button-link: needs an http(s) URL, not '" + url + "'", cloud.id(), via);
                    } else {
                        external(key, url, cloud);
                    }
                }
                case MAILTO -> syntax(key, LinkSyntax.mailto(target.afterScheme()), cloud);
                case TEL -> syntax(key, LinkSyntax.tel(target.afterScheme()), cloud);
                case BLADE -> syntax(key, LinkSyntax.blade(target.afterScheme().strip()), cloud);
                case DATA -> syntax(key, link.origin().embedded() && text.regionMatches(true, 0, "data:image/", 0, 11)
                        && !text.regionMatches(true, 0, "data:image/svg", 0, 14)
                        ? null : "data: URLs are removed from pages, except images that are not SVG", cloud);
                case EMPTY -> syntax(key, "the link has no target", cloud);
                case ROOT_RELATIVE -> syntax(key, "'" + text + "' is relative to the web server's root, but each"
                        + " cloud's site is served from its own folder; write the path relative to this file", cloud);
                case PROTOCOL_RELATIVE -> syntax(key, "'" + text + "' has no scheme; write https:" + text, cloud);
                case UNKNOWN_SCHEME -> syntax(key, "'" + Target.scheme(text) + ":' is not a link certdocs knows;"
                        + " links are relative paths, #anchors, http(s), mailto:, tel:, data-blade: or button-link:", cloud);
            }
        }

        private boolean refused(String text, Link.Origin origin) {
            return (origin.embedded() ? UrlPolicy.refusal(text, true) : UrlPolicy.linkRefusal(text)) != null;
        }

        private void syntax(Findings.LinkKey key, String problem, Cloud cloud) {
            findings.internal(key);
            if (problem != null) findings.problem(Rules.LINK_SYNTAX, key, problem, cloud.id(), via);
        }

        private void internal(Findings.LinkKey key, String file, Target target, Cloud cloud) {
            if (target.path().isEmpty()) {
                if (target.fragment() != null) fragment(key, file, page.path(), target.fragment(), cloud);
                return;
            }
            if (resolved == null || !file.equals(resolvedFile) || !target.path().equals(resolvedPath)) {
                resolved = resolve(file, target.path());
                resolvedFile = file;
                resolvedPath = target.path();
            }
            Includes.Resolution r = resolved;
            switch (r.status()) {
                case ESCAPES -> findings.problem(Rules.LINK_BROKEN_INTERNAL, key, "link target '" + target.text()
                        + "' leaves the repository; links must stay inside it", cloud.id(), via);
                case MISSING -> findings.problem(Rules.LINK_BROKEN_INTERNAL, key, missing(target, r.path()), cloud.id(), via);
                case FOUND -> found(key, file, target, r.path(), cloud);
            }
        }

        private void found(Findings.LinkKey key, String file, Target target, String path, Cloud cloud) {
            if (!path.equals(casedPath)) {
                cased = actualCase.of(path);
                casedPath = path;
            }
            String actual = cased;
            if (!actual.equals(path)) {
                findings.problem(Rules.LINK_BROKEN_INTERNAL, key, "link target '" + target.text() + "' differs in case from "
                        + actual + "; web servers compare names exactly", cloud.id(), via);
                return;
            }
            if (!path.toLowerCase(Locale.ROOT).endsWith(".md")) return; // an image or another file: it exists
            Page linked = index.get(path);
            if (linked == null) {
                findings.problem(Rules.LINK_BROKEN_INTERNAL, key, "link target '" + target.text() + "' is a Markdown file"
                        + " but not an article (" + path + "), so it has no page", cloud.id(), via);
                return;
            }
            if (!linked.clouds().contains(cloud.id())) {
                findings.problem(Rules.LINK_CROSS_CLOUD, key, "links to " + path + ", which is not published in "
                        + Findings.CLOUDS + " (" + (linked.clouds().isEmpty() ? "it is published in no cloud this build checks"
                        : "it is published in " + String.join(", ", linked.clouds())) + ")", cloud.id(), via);
                return;
            }
            if (target.fragment() != null) fragment(key, file, path, target.fragment(), cloud);
        }

        /** Checks {@code #fragment} against the page of {@code targetPath}; {@code file} is where the link is written. */
        private void fragment(Findings.LinkKey key, String file, String targetPath, String fragment, Cloud cloud) {
            if (fragment.isEmpty() || fragment.equals("top")) return; // the top of the page, in every browser
            Set<String> ids = anchors.ids(targetPath, cloud);
            if (ids.contains(fragment)) return;
            String where;
            if (!targetPath.equals(page.path())) where = "in " + targetPath;
            else if (file.equals(page.path())) where = "on this page";
            else where = "on the page of " + page.path() + ", which includes this file";
            findings.missingAnchor(key, "no heading or anchor '#" + fragment + "' " + where
                    + Suggestions.closest(fragment, ids).map(s -> ", did you mean '#" + s + "'?").orElse(""), cloud.id(), via);
        }

        private void external(Findings.LinkKey key, String url, Cloud cloud) {
            if (!url.equals(checkedUrl)) {
                urlProblem = LinkSyntax.httpUrl(url);
                checkedUrl = url;
            }
            String bad = urlProblem;
            if (bad != null) {
                findings.problem(Rules.LINK_SYNTAX, key, "malformed URL '" + url + "': " + bad, cloud.id(), via);
                return;
            }
            String rewritten = cloud.rewrite(url);
            if (cloud.airGapped()) {
                String host = LinkSyntax.host(rewritten);
                if (!cloud.reaches(host)) {
                    findings.problem(Rules.LINK_AIR_GAPPED, key, rewritten + " cannot be reached from " + Findings.CLOUDS
                            + ": its host " + host + " is not the cloud's portal or documentation host nor on its allowedHosts"
                            + (rewritten.equals(url) ? "" : " (rewritten from " + url + ")"), cloud.id(), via);
                }
                return;
            }
            if (externals != null) externals.use(rewritten, url, key, cloud.id());
        }
    }

    /** Once per folder and path: {@link Includes#resolve} keeps what it found (a second map here only doubled the work). */
    private Includes.Resolution resolve(String file, String path) {
        return includes.resolve(file, path);
    }

    /** "Did you mean" for a missing file: a near name in the same folder, written as the link wrote it. */
    private String missing(Target target, String repoPath) {
        String message = "link target '" + target.text() + "' does not exist (looked for " + repoPath + ")";
        Path file;
        try {
            file = config.baseDir().resolve(repoPath);
        } catch (InvalidPathException e) {
            return message; // a name no file system could hold (a NUL): nothing is near it
        }
        if (Files.isDirectory(file)) {
            return "link target '" + target.text() + "' is a folder (" + repoPath + "), not a file";
        }
        Path folder = file.getParent();
        if (folder == null || !Files.isDirectory(folder)) return message;
        List<String> names;
        try (Stream<Path> list = Files.list(folder)) {
            names = list.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            return message;
        }
        String name = file.getFileName().toString();
        String written = target.path();
        int slash = written.lastIndexOf('/');
        return message + Suggestions.closest(name, names)
                .map(s -> ", did you mean '" + written.substring(0, slash + 1) + s + "'?").orElse("");
    }
}
