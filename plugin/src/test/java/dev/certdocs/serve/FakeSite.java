package dev.certdocs.serve;

import dev.certdocs.diagnostic.Diagnostic;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A site of fixed pages for the server's tests: pages by cloud and path, problems and errors as set. */
final class FakeSite implements PreviewSite {

    final Path root;
    final Map<String, Page> pages = new ConcurrentHashMap<>();
    final Map<String, List<Diagnostic>> problems = new ConcurrentHashMap<>();
    final List<String> errors = new ArrayList<>();
    final List<Set<Path>> reloads = new java.util.concurrent.CopyOnWriteArrayList<>();

    FakeSite(Path root) {
        this.root = root;
    }

    FakeSite html(String cloudAndPath, String html) {
        pages.put(cloudAndPath, Page.of(html.getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    @Override public List<String> clouds() { return List.of("public", "usnat"); }
    @Override public String defaultCloud() { return "public"; }
    @Override public String version() { return "1.0.0"; }
    @Override public Path root() { return root; }
    @Override public Optional<Page> page(String cloud, String path) { return Optional.ofNullable(pages.get(cloud + "/" + path)); }
    @Override public List<Diagnostic> problems(String cloud, String path) { return problems.getOrDefault(cloud + "/" + path, List.of()); }
    @Override public List<String> globalErrors() { return List.copyOf(errors); }
    @Override public boolean watches(Path directory) { return !directory.getFileName().toString().startsWith("."); }

    @Override
    public Set<String> reload(Set<Path> changed) {
        reloads.add(changed);
        return Set.of();
    }
}
