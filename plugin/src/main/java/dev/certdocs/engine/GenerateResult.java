package dev.certdocs.engine;

import java.nio.file.Path;

/**
 * The outcome of {@code generate}: the validation it ran first, how many pages it wrote and
 * where, whether the build must fail (with the reason), and the zip bundle of each cloud.
 */
public record GenerateResult(ValidationResult validation, int pages, Path outputDirectory, boolean failed,
                             String reason, java.util.Map<String, Path> bundles) {
}
