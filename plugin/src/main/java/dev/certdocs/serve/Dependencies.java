package dev.certdocs.serve;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which things depend on which source files (an article's pages on the article, the include
 * files it reaches and the images it shows), kept both ways so that a change answers at once
 * "this change affects these". Thread-safe; recording a dependent again replaces what it had.
 */
public final class Dependencies {

    private final Map<String, Set<String>> sourcesOf = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> dependentsOf = new ConcurrentHashMap<>();

    /** {@code dependent} is made from exactly {@code sources} (repository paths) from now on. */
    public synchronized void record(String dependent, Collection<String> sources) {
        forget(dependent);
        Set<String> own = ConcurrentHashMap.newKeySet();
        own.addAll(sources);
        sourcesOf.put(dependent, own);
        for (String s : own) dependentsOf.computeIfAbsent(s, k -> ConcurrentHashMap.newKeySet()).add(dependent);
    }

    /** {@code dependent} is gone. */
    public synchronized void forget(String dependent) {
        Set<String> old = sourcesOf.remove(dependent);
        if (old == null) return;
        for (String s : old) {
            Set<String> d = dependentsOf.get(s);
            if (d != null) {
                d.remove(dependent);
                if (d.isEmpty()) dependentsOf.remove(s);
            }
        }
    }

    /** Everything made from any of {@code sources}, sorted. */
    public Set<String> dependentsOf(Collection<String> sources) {
        Set<String> out = new TreeSet<>();
        for (String s : sources) out.addAll(dependentsOf.getOrDefault(s, Set.of()));
        return out;
    }

    /** What {@code dependent} is made from; empty when it was never recorded. */
    public Set<String> sourcesOf(String dependent) {
        return Set.copyOf(sourcesOf.getOrDefault(dependent, Set.of()));
    }
}
