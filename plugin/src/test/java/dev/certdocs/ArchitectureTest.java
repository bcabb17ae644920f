package dev.certdocs;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The shape of docs/style.md, enforced: Maven stays in the goals, each library stays in the stage
 * that uses it, and the stages (load → validate → link → render → publish → serve) never reach
 * up the pipeline or into the engine that wires them. Stages that do not exist yet are named
 * already, so the rules hold from their first class on.
 */
@AnalyzeClasses(packages = "dev.certdocs", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String MOJO = "dev.certdocs.mojo..";
    private static final String ENGINE = "dev.certdocs.engine..";
    private static final String LOAD = "dev.certdocs.load..";
    private static final String VALIDATE = "dev.certdocs.validate..";
    private static final String LINK = "dev.certdocs.link..";
    private static final String RENDER = "dev.certdocs.render..";
    private static final String PUBLISH = "dev.certdocs.publish..";
    private static final String SERVE = "dev.certdocs.serve..";
    private static final String INCREMENTAL = "dev.certdocs.incremental..";

    /** A rule about a package holds vacuously when no class of it was imported: every stage that exists must be seen. */
    @ArchTest
    static void theRulesSeeEveryStage(JavaClasses classes) {
        for (String stage : java.util.List.of(MOJO, ENGINE, LOAD, VALIDATE, LINK, RENDER, PUBLISH, INCREMENTAL, SERVE)) {
            String pkg = stage.substring(0, stage.length() - 2);
            assertTrue(classes.stream().anyMatch(c -> c.getPackageName().startsWith(pkg)), "no class imported from " + pkg);
        }
    }

    @ArchTest
    static final ArchRule onlyTheGoalsKnowMaven = noClasses()
            .that().resideOutsideOfPackage(MOJO)
            .should().dependOnClassesThat().resideInAPackage("org.apache.maven..")
            .because("the engine runs without Maven (tests, benchmarks); the goals only map parameters");

    @ArchTest
    static final ArchRule flexmarkStaysInLoadAndRender = noClasses()
            .that().resideOutsideOfPackages(LOAD, RENDER)
            .should().dependOnClassesThat().resideInAPackage("com.vladsch..")
            .because("Markdown is parsed in load and turned into HTML in render; the rest sees certdocs records");

    @ArchTest
    static final ArchRule freemarkerStaysInRenderAndPublish = noClasses()
            .that().resideOutsideOfPackages(RENDER, PUBLISH)
            .should().dependOnClassesThat().resideInAPackage("freemarker..")
            .because("templates are applied in render and publish only");

    @ArchTest
    static final ArchRule theGoalsAreOnlyUsedByMaven = noClasses()
            .that().resideOutsideOfPackage(MOJO)
            .should().dependOnClassesThat().resideInAPackage(MOJO)
            .because("the Mojos are the outermost layer");

    @ArchTest
    static final ArchRule loadReachesNoLaterStage = noClasses()
            .that().resideInAPackage(LOAD)
            .should().dependOnClassesThat().resideInAnyPackage(VALIDATE, LINK, RENDER, PUBLISH, SERVE, ENGINE, MOJO)
            .because("load is the first stage: it turns files into records and knows nothing after it");

    @ArchTest
    static final ArchRule validateReachesNoLaterStage = noClasses()
            .that().resideInAPackage(VALIDATE)
            .should().dependOnClassesThat().resideInAnyPackage(LINK, RENDER, PUBLISH, SERVE, ENGINE, MOJO)
            .because("validate reads the loaded articles and returns diagnostics");

    @ArchTest
    static final ArchRule linkReachesNoLaterStage = noClasses()
            .that().resideInAPackage(LINK)
            .should().dependOnClassesThat().resideInAnyPackage(RENDER, PUBLISH, SERVE, ENGINE, MOJO)
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule renderReachesNoLaterStage = noClasses()
            .that().resideInAPackage(RENDER)
            .should().dependOnClassesThat().resideInAnyPackage(PUBLISH, SERVE, ENGINE, MOJO)
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule publishReachesNoLaterStage = noClasses()
            .that().resideInAPackage(PUBLISH)
            .should().dependOnClassesThat().resideInAnyPackage(SERVE, ENGINE, MOJO)
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule serveStaysOutOfTheGoals = noClasses()
            .that().resideInAPackage(SERVE)
            .should().dependOnClassesThat().resideInAnyPackage(MOJO)
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule serveSeesTheSiteOnlyThroughItsInterface = noClasses()
            .that().resideInAPackage(SERVE)
            .should().dependOnClassesThat().resideInAnyPackage(ENGINE, LOAD, VALIDATE, LINK, RENDER, PUBLISH)
            .because("the preview server asks a PreviewSite for pages; the engine implements it over the stages");

    @ArchTest
    static final ArchRule noStageKnowsItIsCached = noClasses()
            .that().resideInAnyPackage(LOAD, VALIDATE, LINK, RENDER, PUBLISH)
            .should().dependOnClassesThat().resideInAPackage(INCREMENTAL)
            .because("incremental building memoizes the stages from outside (docs/style.md: a stage that knows it is being"
                    + " cached has two jobs); only the engine calls it");

    @ArchTest
    static final ArchRule theSharedVocabularyDependsOnNoStage = noClasses()
            .that().resideInAnyPackage("dev.certdocs.diagnostic..", "dev.certdocs.config..", "dev.certdocs.model..",
                    "dev.certdocs.files..")
            .should().dependOnClassesThat()
            .resideInAnyPackage(LOAD, VALIDATE, LINK, RENDER, PUBLISH, SERVE, ENGINE, MOJO, INCREMENTAL)
            .because("diagnostic, config, model and files are what every stage shares; a stage depends on them, never the reverse");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("dev.certdocs.(*)..").should().beFreeOfCycles()
            .because("each package can be read knowing only those below it");

    @ArchTest
    static final ArchRule supportDependsOnNothingOfCertdocs = noClasses()
            .that().resideInAPackage("dev.certdocs.support..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.certdocs.config..", "dev.certdocs.diagnostic..",
                    "dev.certdocs.model..", "dev.certdocs.files..", LOAD, VALIDATE, LINK, RENDER, PUBLISH, SERVE, ENGINE, MOJO,
                    INCREMENTAL)
            .because("the exception, the log and the worker pool sit under everything else");

    @ArchTest
    static final ArchRule diagnosticsDependOnNoConfiguration = noClasses()
            .that().resideInAPackage("dev.certdocs.diagnostic..")
            .should().dependOnClassesThat().resideInAPackage("dev.certdocs.config..")
            .because("configuration names rules and severities (config -> diagnostic); the arrow goes one way");
}
