package dev.certdocs.mojo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's commands work as written: the {@code readme-commands} integration test runs every
 * {@code mvn} line of the README's code blocks, in a repository set up as the README says. This
 * test reads the README itself, so a command added to it without being run, or run without being
 * in it, fails the build.
 */
class ReadmeCommandsTest {

    private static final Path PROJECT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();
    private static final Path IT = PROJECT.resolve("plugin/src/it/readme-commands");

    /**
     * README commands the integration test does not run, each with why: an integration test never
     * reaches the internet (and the build runs offline).
     */
    private static final Map<String, String> NOT_RUN = Map.of(
            // check-links' external half needs the internet; its offline half runs as
            // `mvn certdocs:check-links -Dcertdocs.offline`.
            "certdocs:check-links", "checks external URLs on the internet",
            // The CI workflow's pull-request step: validate and check-links with external URLs.
            "verify -Dcertdocs.generate.skip", "checks external URLs on the internet",
            // The CI workflow's publish step: the shell fills in the version; the same command runs
            // with a written version (`mvn package -Dcertdocs.siteVersion=1.0.0`).
            "package -Dcertdocs.siteVersion=$version", "the version comes from the CI shell");

    private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~)");
    /** A command line in a code block: a shell line, or a YAML {@code run:} step, that runs {@code mvn}. */
    private static final Pattern MVN_LINE = Pattern.compile("^\\s*(?:-\\s+)?(?:run:\\s*)?mvn\\s+(.*)$");

    @Test
    void everyMvnCommandOfTheReadmeRunsInTheIntegrationTestOrIsListedWithWhyNot() throws IOException {
        Set<String> run = integrationTestCommands();
        Set<String> missing = new TreeSet<>();
        for (String command : readmeCommands()) {
            if (!run.contains(command) && !NOT_RUN.containsKey(command)) missing.add("mvn " + command);
        }
        assertEquals(Set.of(), missing, "README commands that no test runs: add them to "
                + "plugin/src/it/readme-commands/invoker.properties");
    }

    @Test
    void theIntegrationTestRunsOnlyCommandsTheReadmeShows() throws IOException {
        Set<String> readme = readmeCommands();
        Set<String> extra = new TreeSet<>(integrationTestCommands());
        extra.removeAll(readme);
        assertEquals(Set.of(), extra, "invoker.properties runs commands the README does not show");
        Set<String> stale = new TreeSet<>(NOT_RUN.keySet());
        stale.removeAll(readme);
        assertEquals(Set.of(), stale, "commands listed as not run that the README no longer shows");
    }

    @Test
    void theIntegrationTestRepositoryHasTheReadmeSnippetsGoalsAndSampleContentsConfiguration() throws IOException {
        String readme = read(PROJECT.resolve("README.md"));
        String pom = read(IT.resolve("pom.xml"));
        String snippet = codeBlocks(readme).stream().filter(b -> b.contains("<artifactId>certdocs-maven-plugin</artifactId>"))
                .findFirst().orElseThrow(() -> new AssertionError("the README shows no POM snippet"));
        assertEquals(goals(snippet), goals(pom));
        assertTrue(goals(pom).size() >= 3, "the snippet binds validate, generate and check-links");

        String sample = read(PROJECT.resolve("sample-content/pom.xml"));
        assertEquals(between(sample, "<siteTitle>", "</cloudCatalog>"), between(pom, "<siteTitle>", "</cloudCatalog>"),
                "readme-commands/pom.xml has sample-content's configuration");
    }

    /** Every {@code mvn} command of the README's code blocks, in canonical form (see {@link #canonical}). */
    private static Set<String> readmeCommands() throws IOException {
        Set<String> commands = new LinkedHashSet<>();
        for (String block : codeBlocks(read(PROJECT.resolve("README.md")))) {
            for (String line : block.split("\n")) {
                Matcher m = MVN_LINE.matcher(line);
                if (m.matches()) commands.add(canonical(words(m.group(1))));
            }
        }
        assertTrue(commands.size() >= 8, "found the README's commands: " + commands);
        return commands;
    }

    /** The invocations of invoker.properties: goals and options, plus each one's user properties file. */
    private static Set<String> integrationTestCommands() throws IOException {
        Properties invoker = properties(IT.resolve("invoker.properties"));
        Set<String> commands = new LinkedHashSet<>();
        for (int n = 1; invoker.containsKey("invoker.goals." + n); n++) {
            List<String> words = words(invoker.getProperty("invoker.goals." + n));
            String file = invoker.getProperty("invoker.userPropertiesFile." + n);
            if (file != null) {
                Properties user = properties(IT.resolve(file));
                for (String name : user.stringPropertyNames()) words.add("-D" + name + "=" + user.getProperty(name));
            }
            commands.add(canonical(words));
        }
        assertTrue(commands.size() >= 8, "found the integration test's commands: " + commands);
        return commands;
    }

    /**
     * Goals and phases in their order, then the {@code -D} options sorted by name; {@code -B} (batch
     * mode, which the integration test always uses) dropped.
     */
    private static String canonical(List<String> words) {
        List<String> goals = new ArrayList<>();
        Map<String, String> defines = new TreeMap<>();
        for (String w : words) {
            if (w.equals("-B")) continue;
            if (w.startsWith("-D")) {
                int eq = w.indexOf('=');
                defines.put(eq < 0 ? w : w.substring(0, eq), w);
            } else {
                goals.add(w);
            }
        }
        List<String> all = new ArrayList<>(goals);
        all.addAll(defines.values());
        return String.join(" ", all);
    }

    /** A shell line's words: quotes removed, a {@code #} comment dropped. */
    private static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (int k = 0; k < line.length(); k++) {
            char c = line.charAt(k);
            if (quote != 0) {
                if (c == quote) quote = 0;
                else word.append(c);
            } else if (c == '"' || c == '\'') {
                if (word == null) word = new StringBuilder();
                quote = c;
            } else if (Character.isWhitespace(c)) {
                if (word != null) words.add(word.toString());
                word = null;
            } else if (c == '#' && word == null) {
                break;
            } else {
                if (word == null) word = new StringBuilder();
                word.append(c);
            }
        }
        if (word != null) words.add(word.toString());
        return words;
    }

    private static List<String> codeBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        StringBuilder block = null;
        for (String line : markdown.split("\n", -1)) {
            if (FENCE.matcher(line).find()) {
                if (block == null) {
                    block = new StringBuilder();
                } else {
                    blocks.add(block.toString());
                    block = null;
                }
            } else if (block != null) {
                block.append(line).append('\n');
            }
        }
        return blocks;
    }

    private static List<String> goals(String xml) {
        List<String> goals = new ArrayList<>();
        Matcher m = Pattern.compile("<goal>([^<]+)</goal>").matcher(xml);
        while (m.find()) goals.add(m.group(1).strip());
        return goals;
    }

    private static String between(String text, String from, String to) {
        int start = text.indexOf(from);
        int end = text.indexOf(to, start);
        assertTrue(start >= 0 && end > start, "no " + from + " … " + to);
        return text.substring(start, end + to.length());
    }

    private static Properties properties(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
