package dev.orderclock.simulator;

import dev.orderclock.payment.PaymentChannel;
import dev.orderclock.simulator.host.StandaloneSimulatorHost;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/** The rules of the simulator module, over its main code. */
class SimulatorArchitectureTest {

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("dev.orderclock.simulator");
    }

    @Test
    void theRulesSeeTheSimulatorAndNoTestCode() {
        assertThat(main.contain(SimulatorApplication.class)).isTrue();
        assertThat(main.contain(StandaloneSimulatorHost.class)).isTrue();
        assertThat(main.contain(SimulatorArchitectureTest.class)).isFalse();
    }

    @Test
    void theSimulatorKnowsNothingOfTheServerOrTheStores() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.orderclock.server..", "dev.orderclock.jdbc..", "dev.orderclock.rabbitmq..")
                .because("the server hosts the simulator (SimulatorHosting); both stand on orderclock-web")
                .check(main);
    }

    @Test
    void onlyTheHostPackageUsesTheWebEdge() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.orderclock.simulator.host..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.orderclock.web..")
                .because("the simulated channels answer in their own terms; only their Operator parameter and the "
                        + "standalone application's edge come from the service's identity and problem documents")
                .check(main);
    }

    @Test
    void theSimulatorSharesTheChannelsSigningCodeButNotTheirAdapters() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .implement(PaymentChannel.class)
                .because("the simulator plays the channel; it signs and verifies with the channels' code, no more")
                .check(main);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("dev.orderclock.simulator.(*)..")
                .should()
                .beFreeOfCycles()
                .check(main);
    }
}
