package dev.orderclock.server;

import dev.orderclock.channels.alipay.AlipayChannel;
import dev.orderclock.deadline.DeadlineEngine;
import dev.orderclock.deadline.DeadlineScheduler;
import dev.orderclock.deadline.DeadlineSource;
import dev.orderclock.jdbc.JdbcOrderStore;
import dev.orderclock.order.OpenAttemptCheck;
import dev.orderclock.simulator.SimulatorApplication;
import dev.orderclock.web.problem.ProblemAdvice;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.RowMapper;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.regex.Pattern;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of ARCHITECTURE.md and STYLE.md that a compiler does not check and that span modules, over the
 * main code of every module on this classpath; each module checks its own rules too (CoreArchitectureTest,
 * ChannelsArchitectureTest, WebArchitectureTest, SimulatorArchitectureTest).
 */
class ArchitectureTest {

    private static final String SERVER = "dev.orderclock.server..";
    /** Where the clock bean is made (orderclock-web): the only code that may read the system clock. */
    private static final String WIRING = "dev.orderclock.web.config..";

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
        assertThat(main.contain(AlipayChannel.class)).as("channels").isTrue();
        assertThat(main.contain(ProblemAdvice.class)).as("web").isTrue();
        assertThat(main.contain(SimulatorApplication.class)).as("simulator").isTrue();
        assertThat(main.containPackage("dev.orderclock.testing"))
                .as("core's test-jar")
                .isFalse();
        assertThat(main.contain(ArchitectureTest.class)).as("these tests").isFalse();
    }

    @Test
    void noModuleDependsOnTheServer() {
        noClasses()
                .that()
                .resideOutsideOfPackage(SERVER)
                .should()
                .dependOnClassesThat()
                .resideInAPackage(SERVER)
                .because("the server is the top of the module graph: it wires the others")
                .check(main);
    }

    /** SQL lives in orderclock-jdbc, behind core's ports (the outbox's too). */
    @Test
    void theServerWritesNoSql() {
        noClasses()
                .that()
                .resideInAPackage(SERVER)
                .should()
                .callMethodWhere(target(owner(assignableTo(JdbcOperations.class))))
                .orShould()
                .dependOnClassesThat()
                .belongToAnyOf(RowMapper.class, Statement.class, PreparedStatement.class, ResultSet.class)
                .check(main);
    }

    @Test
    void modulesHaveNoPackageCycles() {
        slices().matching("dev.orderclock.(*)..").should().beFreeOfCycles().check(main);
    }

    @Test
    void serverFeaturesHaveNoPackageCycles() {
        slices().matching("dev.orderclock.server.(*)..")
                .should()
                .beFreeOfCycles()
                .check(main);
    }

    /**
     * The engine fires the payment timeouts, which hand orders to the payment side's check, whose retries
     * and cancellations go into an inbox made before both (issue 16): what the engine fires never holds it.
     */
    @Test
    void whatTheEngineFiresDoesNotHoldTheEngine() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "dev.orderclock.order..", "dev.orderclock.payment..", "dev.orderclock.server.payment..")
                .should()
                .dependOnClassesThat()
                .belongToAnyOf(DeadlineEngine.class)
                .because("the payment side reaches the engine's wheel through a DeadlineInbox, not through the engine")
                .check(main);
    }

    /**
     * A lazy lookup of the engine (a scheduler), of a source it fires or of the check a source hands orders
     * to would close that wiring cycle again, unseen by Spring's check for circular references.
     */
    @Test
    void noLazyLookupOfTheEngineOrWhatItFiresThrough() {
        List<Class<?>> engineSide = List.of(DeadlineScheduler.class, DeadlineSource.class, OpenAttemptCheck.class);
        methods()
                .that()
                .areDeclaredInClassesThat()
                .resideInAPackage(SERVER)
                .should(new ArchCondition<JavaMethod>("take no ObjectProvider of " + engineSide) {
                    @Override
                    public void check(JavaMethod method, ConditionEvents events) {
                        for (JavaParameter parameter : method.getParameters()) {
                            if (parameter.getType() instanceof JavaParameterizedType provider
                                    && provider.toErasure().isEquivalentTo(ObjectProvider.class)
                                    && provider.getActualTypeArguments().stream()
                                            .anyMatch(argument -> engineSide.stream()
                                                    .anyMatch(argument.toErasure()::isAssignableTo))) {
                                events.add(SimpleConditionEvent.violated(
                                        method, method.getFullName() + " takes " + provider.getName()));
                            }
                        }
                    }
                })
                .because("the object graph around the engine is built in order, without a lookup that closes a cycle")
                .check(main);
    }

    @Test
    void onlyTheWiringReadsTheSystemClock() {
        noClasses()
                .that()
                .resideOutsideOfPackage(WIRING)
                .should()
                .callMethod(Instant.class, "now")
                .orShould()
                .callMethod(System.class, "currentTimeMillis")
                .orShould()
                .callMethod(Clock.class, "systemUTC")
                .orShould()
                .callMethod(Clock.class, "systemDefaultZone")
                .orShould()
                .callMethod(LocalDateTime.class, "now")
                .orShould()
                .callMethod(OffsetDateTime.class, "now")
                .orShould()
                .callMethod(ZonedDateTime.class, "now")
                .because("time is an injected InstantSource (STYLE.md)")
                .check(main);
    }
}
