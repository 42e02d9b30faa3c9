package io.weft.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import java.util.List;

/**
 * The architecture tests see the production classes of every module, and no test class: without this, a module
 * missing from this module's test classpath would pass every rule unseen.
 */
@AnalyzeClasses(packages = "io.weft", importOptions = ImportOption.DoNotIncludeTests.class)
class ImportedModulesTest {
    /** One package of each module's production code. */
    private static final List<String> ONE_PACKAGE_PER_MODULE = List.of("io.weft.api", "io.weft.runtime.network",
            "io.weft.jobmanager", "io.weft.connectors", "io.weft.client", "io.weft.examples", "io.weft.benchmarks",
            "io.weft.sandbox");

    @ArchTest
    static void everyModuleIsImported(JavaClasses classes) {
        for (String pkg : ONE_PACKAGE_PER_MODULE) {
            assertThat(classes.containPackage(pkg)).as("classes of package %s imported", pkg).isTrue();
        }
        assertThat(classes.size()).as("production classes imported").isGreaterThan(300);
    }

    @ArchTest
    static void noTestClassIsImported(JavaClasses classes) {
        assertThat(classes.stream().map(c -> c.getSimpleName()))
                .as("classes whose names mark tests").noneMatch(name -> name.endsWith("Test") || name.endsWith("IT"));
    }
}
