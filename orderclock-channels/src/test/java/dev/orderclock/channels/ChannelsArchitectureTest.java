package dev.orderclock.channels;

import dev.orderclock.channels.alipay.AlipayChannel;
import dev.orderclock.channels.http.ChannelCalls;
import dev.orderclock.channels.http.ChannelHttpClient;
import dev.orderclock.channels.wechat.WechatPayChannel;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Condition;

import java.net.http.HttpClient;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/** The rules of the channels module, over its main code. */
class ChannelsArchitectureTest {

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("dev.orderclock.channels");
    }

    @Test
    void theRulesSeeBothChannelsAndTheirSharedCode() {
        assertThat(main.contain(AlipayChannel.class)).isTrue();
        assertThat(main.contain(WechatPayChannel.class)).isTrue();
        assertThat(main.contain(ChannelCalls.class)).isTrue();
        assertThat(main.contain(ChannelsArchitectureTest.class)).isFalse();
    }

    @Test
    void theChannelsKnowNothingOfTheServerTheSimulatorOrTheStores() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.orderclock.server..",
                        "dev.orderclock.simulator..",
                        "dev.orderclock.jdbc..",
                        "dev.orderclock.rabbitmq..")
                .check(main);
    }

    @Test
    void onlyTheConfigurationClassesUseSpring() {
        noClasses()
                .that()
                .haveSimpleNameNotEndingWith("Configuration")
                .and()
                .haveSimpleNameNotEndingWith("Properties")
                .and()
                .areNotAssignableTo(Condition.class)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "jakarta..")
                .because("the adapters need only the JDK, core, Jackson, Micrometer and SLF4J")
                .check(main);
    }

    @Test
    void neitherChannelUsesTheOther() {
        noClasses()
                .that()
                .resideInAPackage("..channels.alipay..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("..channels.wechat..")
                .check(main);
        noClasses()
                .that()
                .resideInAPackage("..channels.wechat..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("..channels.alipay..")
                .check(main);
    }

    @Test
    void theHttpClientAndTheCallTimerAreMadeInOnePlaceEach() {
        noClasses()
                .that()
                .doNotBelongToAnyOf(ChannelHttpClient.class)
                .should()
                .callMethod(HttpClient.class, "newBuilder")
                .orShould()
                .callMethod(HttpClient.class, "newHttpClient")
                .check(main);
        noClasses()
                .that()
                .doNotBelongToAnyOf(ChannelCalls.class)
                .should()
                .dependOnClassesThat()
                .belongToAnyOf(Timer.class)
                .check(main);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("dev.orderclock.channels.(*)..")
                .should()
                .beFreeOfCycles()
                .check(main);
    }
}
