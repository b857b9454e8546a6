package dev.orderclock;

import dev.orderclock.deadline.DeadlineEngine;
import dev.orderclock.payment.PaymentChannel;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/** The rules of core (ARCHITECTURE.md, STYLE.md), over its main code: no framework, no database, no adapter. */
class CoreArchitectureTest {

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("dev.orderclock");
    }

    @Test
    void theRulesSeeEveryCorePackageAndNoTestCode() {
        assertThat(main.contain(DeadlineEngine.class)).as("deadline").isTrue();
        assertThat(main.contain(PaymentChannel.class)).as("payment").isTrue();
        assertThat(main.containPackage("dev.orderclock.order")).as("order").isTrue();
        assertThat(main.containPackage("dev.orderclock.testing"))
                .as("the test-jar")
                .isFalse();
    }

    @Test
    void coreKnowsNoFrameworkNoServletAndNoBroker() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "jakarta..", "javax.servlet..", "com.rabbitmq..")
                .check(main);
    }

    @Test
    void coreKnowsNoJdbc() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("java.sql..", "javax.sql..")
                .because("the stores are ports; their SQL lives in orderclock-jdbc")
                .check(main);
    }

    @Test
    void coreDoesNotDependOnItsAdaptersOrTheServer() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.orderclock.jdbc..",
                        "dev.orderclock.rabbitmq..",
                        "dev.orderclock.channels..",
                        "dev.orderclock.simulator..",
                        "dev.orderclock.server..")
                .check(main);
    }

    @Test
    void corePackagesHaveNoCycles() {
        slices().matching("dev.orderclock.(*)..").should().beFreeOfCycles().check(main);
    }
}
