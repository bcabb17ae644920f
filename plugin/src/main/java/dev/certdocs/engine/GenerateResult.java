package dev.certdocs.engine;

import java.nio.file.Path;

/**
 * The outcome of {@code generate}: the validation it ran first, how many pages it wrote and
 * where, and whether the build must fail (with the reason).
 */
public record GenerateResult(ValidationResult validation, int pages, Path outputDirectory, boolean failed,
                             String reason) {
}
