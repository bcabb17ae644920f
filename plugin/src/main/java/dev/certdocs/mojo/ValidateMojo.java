package dev.certdocs.mojo;

import dev.certdocs.engine.CertDocs;
import dev.certdocs.engine.ValidationResult;
import java.io.File;
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

    /** Fail the build on warnings too. */
    @Parameter(property = "certdocs.failOnWarning", defaultValue = "false")
    boolean failOnWarning;

    /** The baseline of accepted problems. */
    @Parameter(property = "certdocs.baseline", defaultValue = "${project.basedir}/certdocs-baseline.json")
    File baseline;

    /** Write the baseline from this run's problems (and pass). */
    @Parameter(property = "certdocs.updateBaseline", defaultValue = "false")
    boolean updateBaseline;

    @Override
    boolean skipGoal() {
        return skipValidate;
    }

    @Override
    void run() throws MojoFailureException {
        ValidationResult result = CertDocs.validate(config()
                .failOnWarning(failOnWarning)
                .baselineFile(baseline.toPath())
                .updateBaseline(updateBaseline)
                .build(), new MavenBuildLog(getLog()));
        if (result.failed()) {
            throw new MojoFailureException("certdocs validate: " + result.summary().closingLine("article")
                    + ". See the lines above or target/certdocs/report.html.");
        }
    }
}
