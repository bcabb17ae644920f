package dev.certdocs.publish;

import java.util.function.Consumer;

/**
 * The points between two file-system steps of publishing, where a killed run stops. Publishing
 * announces each one; a test stops the run there (halting its JVM) and checks that the site is
 * complete and consistent, step after step. Nothing but tests sets the hook.
 */
final class PublishSteps {

    /** Told each step's name as it is reached; does nothing outside tests. */
    static volatile Consumer<String> hook = step -> { };

    private PublishSteps() {
    }

    static void reached(String step) {
        hook.accept(step);
    }
}
