package dev.certdocs.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.certdocs.config.Cloud;
import dev.certdocs.load.Includes;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A body without a cloud marker or an include is taken as it is by {@link CloudPreprocessor#blocks}
 * (each line ended by a line feed) instead of line by line: what the line-by-line way gives. The
 * line-by-line way is made to run on the same lines by a last line holding "[!" that is no
 * include (an alert), which it keeps as written.
 */
class CloudPreprocessorPlainTest {

    private static final String ALERT = "> [!NOTE]";

    @Test
    void aBodyWithoutMarkersOrIncludesIsItsOwnBlocks(@TempDir Path repo) {
        CloudPreprocessor preprocessor = new CloudPreprocessor(new Includes(repo), p -> "", Set.of("x"));
        Cloud cloud = new Cloud("c", "c", Map.of("x", "1"), List.of(), false, List.of(), false);
        String[] pieces = {"text", " ", "\n", "\n\n", "\r\n", "```", "~~~", "    code", "- item", "> quote", "::", ": ::",
            "[!", "]", "[", "!", "{{cloud.x}}", "<div>", "|a|b|", "#", "é", "\t"};
        Random random = new Random(31);
        for (int k = 0; k < 20_000; k++) {
            StringBuilder sb = new StringBuilder();
            for (int i = random.nextInt(25); i > 0; i--) sb.append(pieces[random.nextInt(pieces.length)]);
            String body = sb.toString();
            if (body.contains(":::") || body.contains("[!")) continue;
            String plain = preprocessor.blocks("articles/a.md", body, cloud);
            String ended = body.isEmpty() || body.endsWith("\n") ? body : body + "\n";
            assertEquals(ended, plain, body);
            // The same lines the other way (an alert line makes the body go line by line): the same text.
            assertEquals(ended + ALERT + "\n", preprocessor.blocks("articles/a.md", ended + ALERT, cloud), body);
        }
    }
}
