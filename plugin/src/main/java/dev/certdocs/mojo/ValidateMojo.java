package dev.certdocs.mojo;

import dev.certdocs.engine.CertDocs;
import dev.certdocs.engine.ValidationResult;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks every article's properties block and structure and reports every problem at once,
 * as {@code path:line:col: severity [rule-id] message}, SARIF, JUnit XML and an HTML report.
 * Fails the build on errors (and on warnings with {@code failOnWarning}) that the baseline does
 * not list.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class ValidateMojo extends AbstractCertDocsMojo {

    /** Skip this goal only. */
    @Parameter(property = "certdocs.validate.skip", defaultValue = "false")
    boolean skipValidate;

    @Override
    boolean skipGoal() {
        return skipValidate;
    }

    @Override
    void run() throws MojoFailureException {
        ValidationResult result = CertDocs.validate(config().build(), new MavenBuildLog(getLog()));
        noteValidated();
        if (result.failed()) {
            throw new MojoFailureException("certdocs validate: " + result.summary().closingLine("article")
                    + ". See the lines above or " + baseDirectory.toPath().toAbsolutePath()
                    .relativize(reportsDirectory.toPath().toAbsolutePath().resolve("report.html")) + ".");
        }
    }
}
