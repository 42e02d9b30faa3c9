package io.weft.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.or;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * Connectors and example jobs use Weft only through its contract ({@link BoundaryPackages#API}), never through the
 * runtime, the JobManager or the client, so that the engine's internals can change without touching them.
 */
@AnalyzeClasses(packages = "io.weft", importOptions = ImportOption.DoNotIncludeTests.class)
class ApiOnlyTest {
    @ArchTest
    static final ArchRule CONNECTORS_USE_THE_API_ONLY = classes()
            .that().resideInAPackage("io.weft.connectors..")
            .should().onlyDependOnClassesThat(or(resideOutsideOfPackage("io.weft.."),
                    resideInAnyPackage(with(BoundaryPackages.API, "io.weft.connectors.."))))
            .because("connectors import the contract, never runtime internals (STYLE.md: Contract vs implementation)");

    @ArchTest
    static final ArchRule EXAMPLES_USE_THE_API_AND_CONNECTORS_ONLY = classes()
            .that().resideInAPackage("io.weft.examples..")
            .should().onlyDependOnClassesThat(or(resideOutsideOfPackage("io.weft.."),
                    resideInAnyPackage(with(BoundaryPackages.API, "io.weft.connectors..", "io.weft.examples.."))))
            .because("the examples are user jobs: they show what a job can do with the API and the connectors alone");

    private static String[] with(String[] packages, String... more) {
        return Stream.concat(Arrays.stream(packages), Arrays.stream(more)).toArray(String[]::new);
    }
}
