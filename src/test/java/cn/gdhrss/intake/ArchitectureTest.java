package cn.gdhrss.intake;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import cn.gdhrss.intake.pipeline.ProcessingStep;
import org.junit.jupiter.api.Test;

/** Keeps each library inside the package whose capability it serves (STYLE.md), and no cycles. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("cn.gdhrss.intake");

    private static void onlyIn(String library, String... packages) {
        String[] allowed = new String[packages.length];
        for (int i = 0; i < packages.length; i++) {
            allowed[i] = "cn.gdhrss.intake." + packages[i] + "..";
        }
        noClasses().that().resideOutsideOfPackages(allowed)
                .should().dependOnClassesThat().resideInAPackage(library)
                .because(library + " belongs to " + String.join(", ", packages))
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void jakartaMailStaysInMailPackages() {
        onlyIn("jakarta.mail..", "intake", "attachment", "reply");
    }

    @Test
    void sqlStaysInRegister() {
        onlyIn("java.sql..", "register");
    }

    @Test
    void quartzStaysInSchedule() {
        // config checks the cron keys with Quartz's own parser, so that a wrong one is refused in Chinese
        // when the configuration is read rather than in Quartz's English when serve starts.
        onlyIn("org.quartz..", "schedule", "config");
    }

    @Test
    void picocliStaysInCli() {
        onlyIn("picocli..", "cli");
    }

    @Test
    void tikaStaysInAttachmentAndForm() {
        onlyIn("org.apache.tika..", "attachment", "form");
    }

    @Test
    void poiStaysInDocumentPackages() {
        // attachment reads TNEF (POI HMEF) and tells encrypted Office files apart.
        onlyIn("org.apache.poi..", "form", "report", "attachment");
    }

    @Test
    void javalinAndJettyStayInWeb() {
        onlyIn("io.javalin..", "web");
        onlyIn("org.eclipse.jetty..", "web");
    }

    @Test
    void bcryptStaysInWeb() {
        onlyIn("org.springframework..", "web");
    }

    @Test
    void freemarkerStaysInTemplatePackages() {
        // reply renders the letters; web the console's pages.
        onlyIn("freemarker..", "reply", "web");
    }

    @Test
    void processingStepsAndTheirRunnerLiveInPipeline() {
        // Issue 11: one package holds the steps; a step elsewhere would escape the one-transaction rule's review.
        classes().that().implement(ProcessingStep.class).should().resideInAPackage("cn.gdhrss.intake.pipeline..").check(CLASSES);
    }

    @Test
    void pipelineReadsHeadersFromTheRegisterNotWithAMailLibrary() {
        // The headers were decoded once, at intake; a step that parses mail again brings back two parsers.
        noClasses().that().resideInAPackage("cn.gdhrss.intake.pipeline..")
                .should().dependOnClassesThat().resideInAPackage("jakarta.mail..").check(CLASSES);
    }

    @Test
    void capabilitiesHaveNoCycles() {
        slices().matching("cn.gdhrss.intake.(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
