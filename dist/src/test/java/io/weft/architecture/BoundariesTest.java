package io.weft.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * YARN, Hadoop, Netty, Curator and ZooKeeper types appear only in their boundary packages ({@link BoundaryPackages}),
 * so that everything above a boundary runs embedded without them and sees only Weft's own small interfaces.
 */
@AnalyzeClasses(packages = "io.weft", importOptions = ImportOption.DoNotIncludeTests.class)
class BoundariesTest {
    @ArchTest
    static final ArchRule YARN_ONLY_IN_ITS_BOUNDARY = noClasses()
            .that().resideOutsideOfPackages(BoundaryPackages.YARN)
            .and(not(declaredIn(BoundaryPackages.YARN_RECORDS_IN_THE_CLI_TODAY)))
            .should().dependOnClassesThat().resideInAPackage("org.apache.hadoop.yarn..")
            .because("YARN sits behind the resource driver and the client's submission; nothing above them sees an"
                    + " ApplicationId, a Container or an AMRMClient (ARCHITECTURE.md: Modules)");

    @ArchTest
    static final ArchRule HADOOP_ONLY_IN_ITS_BOUNDARY = noClasses()
            .that().resideOutsideOfPackages(BoundaryPackages.HADOOP)
            .and(not(declaredIn(BoundaryPackages.YARN_RECORDS_IN_THE_CLI_TODAY)))
            .should().dependOnClassesThat().resideInAPackage("org.apache.hadoop..")
            .because("Hadoop's FileSystem and Configuration stay in the file connectors, the YARN boundary and the"
                    + " checkpoint storage, so that the embedded engine runs without Hadoop on its classpath");

    @ArchTest
    static final ArchRule NETTY_ONLY_IN_ITS_BOUNDARY = noClasses()
            .that().resideOutsideOfPackages(BoundaryPackages.NETTY)
            .should().dependOnClassesThat().resideInAPackage("io.netty..")
            .because("Netty moves bytes for the RPC, network and REST transports only; nothing above them sees a"
                    + " Channel or a ByteBuf, and the distribution relocates Netty");

    @ArchTest
    static final ArchRule ZOOKEEPER_ONLY_IN_ITS_BOUNDARY = noClasses()
            .that().resideOutsideOfPackages(BoundaryPackages.ZOOKEEPER)
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.curator..", "org.apache.zookeeper..")
            .because("leader election and the HA stores sit behind the HA services interface, with an in-memory"
                    + " implementation for the embedded engine; nothing above it sees a Curator client");

    /** The named top-level classes and the classes nested in them. */
    private static DescribedPredicate<JavaClass> declaredIn(String... topLevelClasses) {
        List<String> names = List.of(topLevelClasses);
        return DescribedPredicate.describe("declared in " + names,
                c -> names.contains(c.getName()) || names.contains(c.getName().split("\\$", 2)[0]));
    }
}
