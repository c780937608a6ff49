package app.storyline;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The dependency rule of STYLE.md: model <- feed, store <- index <- related <- service <- (ui, cli) <- app. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("app.storyline");

    @Test
    void layersDependOneWay() {
        layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true)
                .layer("model").definedBy("app.storyline.model..")
                .layer("feed").definedBy("app.storyline.feed..")
                .layer("store").definedBy("app.storyline.store..")
                .layer("index").definedBy("app.storyline.index..")
                .layer("related").definedBy("app.storyline.related..")
                .layer("service").definedBy("app.storyline.service..")
                .layer("ui").definedBy("app.storyline.ui..")
                .layer("cli").definedBy("app.storyline.cli..")
                .layer("app").definedBy("app.storyline.app..")
                .whereLayer("app").mayNotBeAccessedByAnyLayer()
                .whereLayer("ui").mayOnlyBeAccessedByLayers("app")
                .whereLayer("cli").mayOnlyBeAccessedByLayers("app")
                .whereLayer("service").mayOnlyBeAccessedByLayers("ui", "cli", "app")
                .whereLayer("related").mayOnlyBeAccessedByLayers("service", "ui", "cli", "app")
                .whereLayer("index").mayOnlyBeAccessedByLayers("related", "service", "ui", "cli", "app")
                .whereLayer("store").mayOnlyBeAccessedByLayers("index", "related", "service", "ui", "cli", "app")
                .whereLayer("feed").mayOnlyBeAccessedByLayers("index", "related", "service", "ui", "cli", "app")
                .check(CLASSES);
    }

    @Test
    void modelImportsNothingOfOursNorJavafx() {
        noClasses().that().resideInAPackage("app.storyline.model..")
                .should().dependOnClassesThat().resideInAnyPackage("app.storyline.feed..", "app.storyline.store..",
                        "app.storyline.index..", "app.storyline.related..", "app.storyline.service..", "app.storyline.ui..",
                        "app.storyline.cli..", "app.storyline.app..", "javafx..")
                .check(CLASSES);
    }

    @Test
    void onlyUiAndAppTouchJavafx() {
        noClasses().that().resideOutsideOfPackages("app.storyline.ui..", "app.storyline.app..")
                .should().dependOnClassesThat().resideInAPackage("javafx..").check(CLASSES);
    }

    @Test
    void romeStaysInFeedAndLuceneInIndexAndRelated() {
        noClasses().that().resideOutsideOfPackage("app.storyline.feed..")
                .should().dependOnClassesThat().resideInAnyPackage("com.rometools..", "org.jdom2..").check(CLASSES);
        noClasses().that().resideOutsideOfPackages("app.storyline.index..", "app.storyline.related..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.lucene..").check(CLASSES);
    }

    /**
     * Feed and OPML text never reach a shell: nothing starts a process, except the refresh benchmark,
     * which starts feedfarm and Newsboat with arguments of its own.
     */
    @Test
    void nothingStartsAProcess() {
        noClasses().that().doNotHaveFullyQualifiedName("app.storyline.cli.RefreshBench").should().dependOnClassesThat().belongToAnyOf(ProcessBuilder.class)
                .orShould().callMethod(Runtime.class, "exec", String.class)
                .orShould().callMethod(Runtime.class, "exec", String[].class)
                .check(CLASSES);
    }
}
