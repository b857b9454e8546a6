package dev.orderclock.web;

import dev.orderclock.web.config.ClockConfiguration;
import dev.orderclock.web.identity.IdentityConfiguration;
import dev.orderclock.web.problem.ProblemAdvice;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/** The rules of the web module, over its main code. */
class WebArchitectureTest {

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("dev.orderclock.web");
    }

    @Test
    void theRulesSeeTheWholeEdgeAndNoTestCode() {
        assertThat(main.contain(ProblemAdvice.class)).as("problem").isTrue();
        assertThat(main.contain(IdentityConfiguration.class)).as("identity").isTrue();
        assertThat(main.contain(ClockConfiguration.class)).as("config").isTrue();
        assertThat(main.contain(WebArchitectureTest.class)).isFalse();
    }

    @Test
    void theEdgeKnowsNothingOfTheServerTheSimulatorTheChannelsOrTheStores() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.orderclock.server..",
                        "dev.orderclock.simulator..",
                        "dev.orderclock.channels..",
                        "dev.orderclock.jdbc..",
                        "dev.orderclock.rabbitmq..")
                .because("the server and the standalone simulator both stand on this edge; it stands on core alone")
                .check(main);
    }

    @Test
    void theEdgeReadsNoDatabaseCodes() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAPackage("java.sql..")
                .because("the jdbc module translates SQLSTATEs into core's StoreException kinds")
                .check(main);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("dev.orderclock.web.(*)..").should().beFreeOfCycles().check(main);
    }
}
