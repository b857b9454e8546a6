package dev.orderclock.server;

import dev.orderclock.deadline.DeadlineEngine;
import dev.orderclock.jdbc.JdbcOrderStore;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.regex.Pattern;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of ARCHITECTURE.md and STYLE.md that a compiler does not check, over the main code of
 * every module on this classpath (core, jdbc, server).
 */
class ArchitectureTest {

    private static final String[] CORE = {"dev.orderclock.order..", "dev.orderclock.stock..", "dev.orderclock.deadline.."};
    /** Where the clock bean is made: the only code that may read the system clock. */
    private static final String WIRING = "dev.orderclock.server.config..";

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.matches(Pattern.compile(".*-tests\\.jar!/.*")))
                .importPackages("dev.orderclock");
    }

    @Test
    void theRulesSeeTheMainCodeOfEveryModuleAndNoTestCode() {
        assertThat(main.contain(DeadlineEngine.class)).as("core").isTrue();
        assertThat(main.contain(JdbcOrderStore.class)).as("jdbc").isTrue();
        assertThat(main.contain(OrderclockApplication.class)).as("server").isTrue();
        assertThat(main.containPackage("dev.orderclock.testing")).as("core's test-jar").isFalse();
        assertThat(main.contain(ArchitectureTest.class)).as("these tests").isFalse();
    }

    @Test
    void coreKnowsNoFrameworkNoServletAndNoBroker() {
        noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..", "com.rabbitmq..")
                .check(main);
    }

    @Test
    void coreDoesNotDependOnItsAdaptersOrTheServer() {
        noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage("dev.orderclock.jdbc..", "dev.orderclock.server..")
                .check(main);
    }

    @Test
    void modulesHaveNoPackageCycles() {
        slices().matching("dev.orderclock.(*)..").should().beFreeOfCycles().check(main);
    }

    @Test
    void serverFeaturesHaveNoPackageCycles() {
        slices().matching("dev.orderclock.server.(*)..").should().beFreeOfCycles().check(main);
    }

    @Test
    void onlyTheWiringReadsTheSystemClock() {
        noClasses().that().resideOutsideOfPackage(WIRING)
                .should().callMethod(Instant.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(Clock.class, "systemUTC")
                .orShould().callMethod(Clock.class, "systemDefaultZone")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(OffsetDateTime.class, "now")
                .orShould().callMethod(ZonedDateTime.class, "now")
                .because("time is an injected InstantSource (STYLE.md)")
                .check(main);
    }
}
