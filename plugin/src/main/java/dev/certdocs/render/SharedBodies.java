package dev.certdocs.render;

import dev.certdocs.config.Cloud;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * One article's bodies post-processed ({@link HtmlPostProcessor}) for the clouds it is published
 * in, each distinct result made once: the memo that carries them from one cloud's page to the
 * next (one per article, used by one thread).
 *
 * <p>Post-processing depends on the cloud only through {@link HtmlPostProcessor.UrlRules} (the
 * portal's URL, the rewrite of a URL), and on the article only through the flexmark HTML and the
 * mapping of relative URLs, which is the same in every cloud (the article's path and its page's
 * path). So a processing records every question it asks the cloud with the answer; for the next
 * cloud with the same flexmark HTML, the questions are asked again of that cloud: when every
 * answer is the same, the processing would ask the same questions in the same order and make the
 * same body and collect the same files, and the recorded result is used. Otherwise the body is
 * processed anew and kept beside the first (clouds with the same portal and rules share it). The
 * result is the same either way, byte for byte.
 */
final class SharedBodies {

    /**
     * A post-processed body with what the page and its search entry take from it: the repository
     * files its relative URLs named, the folded search text and the table of contents' texts.
     * Immutable; a page copies {@code files} into its own set.
     */
    record Shared(HtmlBody body, Set<String> files, String searchText, String tocText, List<Answer> answers) {

        /** Whether {@code cloud} answers every recorded question as the cloud that made this body did. */
        boolean answersAlike(Cloud cloud) {
            for (Answer a : answers) {
                String now = a.url() == null ? cloud.portalUrl() : cloud.rewrite(a.url());
                if (!now.equals(a.answer())) return false;
            }
            return true;
        }
    }

    /** One question the post-processor asked of a cloud and its answer: {@code url} null for the portal's URL, else a rewrite of it. */
    record Answer(String url, String answer) {
    }

    /** How the last body was had: processed for the article's first page, for another flexmark HTML, for other answers; or shared. */
    enum Outcome { FIRST, OTHER_HTML, OTHER_ANSWERS, SHARED }

    private final String articlePath;
    private final Map<String, List<Shared>> byHtml = new HashMap<>();
    private int processed;
    private int reused;
    private Outcome last;

    /** For the article at {@code articlePath}: the relative URLs' mapping is the same for all its pages. */
    SharedBodies(String articlePath) {
        this.articlePath = articlePath;
    }

    String articlePath() {
        return articlePath;
    }

    /**
     * The body of {@code html} (flexmark's, for this article) post-processed for {@code cloud};
     * {@code siteUrl} maps a relative URL to its site URL, adding the repository files it names
     * to the set it is given (the same function for every cloud of the article).
     */
    Shared body(HtmlPostProcessor post, String html, Cloud cloud, BiFunction<String, Set<String>, String> siteUrl) {
        Outcome outcome = byHtml.isEmpty() ? Outcome.FIRST : byHtml.containsKey(html) ? Outcome.OTHER_ANSWERS : Outcome.OTHER_HTML;
        List<Shared> made = byHtml.computeIfAbsent(html, k -> new ArrayList<>(1));
        for (Shared s : made) {
            if (s.answersAlike(cloud)) {
                reused++;
                last = Outcome.SHARED;
                return s;
            }
        }
        last = outcome;
        Recorder recorder = new Recorder(cloud);
        Set<String> files = new TreeSet<>();
        HtmlBody body = post.process(html, recorder, url -> siteUrl.apply(url, files));
        Shared s = new Shared(body, Collections.unmodifiableSet(files), body.text(),
                String.join("\n", body.toc().stream().map(TocEntry::text).toList()), List.copyOf(recorder.answers));
        made.add(s);
        processed++;
        return s;
    }

    /** How the last {@link #body} was had. */
    Outcome last() {
        return last;
    }

    /** Bodies post-processed here. */
    int processed() {
        return processed;
    }

    /** Bodies taken from an earlier cloud's processing. */
    int reused() {
        return reused;
    }

    /** The cloud's answers, each written down as it is given. */
    private static final class Recorder implements HtmlPostProcessor.UrlRules {
        private final Cloud cloud;
        final List<Answer> answers = new ArrayList<>();

        Recorder(Cloud cloud) {
            this.cloud = cloud;
        }

        @Override
        public String portalUrl() {
            String answer = cloud.portalUrl();
            answers.add(new Answer(null, answer));
            return answer;
        }

        @Override
        public String rewrite(String url) {
            String answer = cloud.rewrite(url);
            answers.add(new Answer(url, answer));
            return answer;
        }
    }
}
