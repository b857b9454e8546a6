package dev.orderclock.rabbitmq;

import dev.orderclock.deadline.Deadline;
import dev.orderclock.deadline.DeadlineEngine;
import dev.orderclock.deadline.DeadlineSource;
import dev.orderclock.deadline.Fired;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two engines on one PostgreSQL, each with its own {@link LookingTurn} of the same cluster: while both
 * run, the pair makes one sweeper look per interval, not two; when the looking node stops (its
 * session ends, as it does for a killed process), the other looks within one interval.
 */
class SharedSweepIT {

    private static final Duration INTERVAL = Duration.ofMillis(500);

    /** Counts the sweeper's looks (each one statement on a real store) and finds nothing overdue. */
    private static final class Looks implements DeadlineSource {
        final List<Long> at = new CopyOnWriteArrayList<>();

        @Override
        public String name() {
            return "looks";
        }

        @Override
        public List<Deadline> scan(Deadline after, Instant until, int limit) {
            return List.of();
        }

        @Override
        public List<Fired> fire(long[] ids, Instant now) {
            return List.of();
        }

        @Override
        public List<Fired> sweep(Instant cutoff, int limit, Instant now) {
            at.add(System.nanoTime());
            return List.of();
        }

        long since(long nanos) {
            return at.stream().filter(t -> t >= nanos).count();
        }
    }

    private final String prefix = "test-sweep-" + System.nanoTime() + ".";
    private final Looks looksA = new Looks();
    private final Looks looksB = new Looks();
    private final String applicationA = "shared-sweep-it-a-" + System.nanoTime();
    private final LookingTurn turnA = new LookingTurn(named(applicationA), prefix, Duration.ofMillis(200));
    private final LookingTurn turnB = new LookingTurn(PostgresSchema.plain(), prefix, Duration.ofMillis(200));
    private final DeadlineEngine engineA = engine(looksA, turnA);
    private final DeadlineEngine engineB = engine(looksB, turnB);

    private static javax.sql.DataSource named(String application) {
        org.postgresql.ds.PGSimpleDataSource source = (org.postgresql.ds.PGSimpleDataSource) PostgresSchema.plain();
        source.setApplicationName(application);
        return source;
    }

    private static DeadlineEngine engine(Looks looks, LookingTurn turn) {
        return DeadlineEngine.builder(InstantSource.system())
                .source(looks, INTERVAL)
                .horizonLoading(false)
                .sweepTurn(turn)
                .build();
    }

    @AfterEach
    void stop() {
        engineA.stop();
        engineB.stop();
        turnA.stop();
        turnB.stop();
    }

    @Test
    void thePairLooksOncePerIntervalAndTheOtherTakesOverWithinAnIntervalWhenTheLookingNodeStops() {
        // given two nodes of one cluster, one of which holds the turn
        turnA.start();
        turnB.start();
        engineA.start();
        engineB.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> turnA.mine() ^ turnB.mine());

        // when four seconds (eight intervals) pass
        long from = System.nanoTime();
        await().pollDelay(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(5)).until(() -> true);

        // then the pair looked about eight times, all on one node, not sixteen
        long byA = looksA.since(from);
        long byB = looksB.since(from);
        System.out.printf("two nodes, 4 s at a 500 ms interval: %d looks on A, %d on B%n", byA, byB);
        assertThat(byA + byB).isBetween(6L, 9L);
        assertThat(Math.min(byA, byB)).isZero();

        // when the looking node stops (its turn's session ends)
        boolean aLooked = byA > 0;
        DeadlineEngine looking = aLooked ? engineA : engineB;
        LookingTurn lookingTurn = aLooked ? turnA : turnB;
        Looks other = aLooked ? looksB : looksA;
        LookingTurn otherTurn = aLooked ? turnB : turnA;
        looking.stop();
        lookingTurn.stop();
        long stopped = System.nanoTime();

        // then the other takes the turn and looks within an interval (plus the lock's hand-over)
        await().atMost(INTERVAL.plusMillis(700)).until(() -> other.since(stopped) > 0);
        assertThat(otherTurn.mine()).isTrue();
        System.out.printf(
                "take-over: first look %d ms after the looking node stopped%n",
                Duration.ofNanos(other.at.stream()
                                        .filter(t -> t >= stopped)
                                        .findFirst()
                                        .orElseThrow()
                                - stopped)
                        .toMillis());
    }

    @Test
    void aHolderWhoseSessionEndsStopsLookingAndTheOtherNodeTakesTheTurn() throws Exception {
        // given node A holding the turn, node B waiting for it
        turnA.start();
        await().atMost(Duration.ofSeconds(5)).until(turnA::mine);
        turnB.start();
        engineA.start();
        engineB.start();

        // when A's session ends without A stopping (a dropped connection)
        assertThat(PostgresSchema.terminate(applicationA)).isEqualTo(1);
        long ended = System.nanoTime();

        // then B takes the turn and looks within an interval, and A stops looking (its reconnection waits behind B)
        await().atMost(INTERVAL.plusMillis(1_500)).until(() -> turnB.mine() && looksB.since(ended) > 0);
        await().atMost(Duration.ofSeconds(3)).until(() -> !turnA.mine());
        long quiet = System.nanoTime();
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> true);
        assertThat(looksA.since(quiet)).isZero();
        assertThat(looksB.since(quiet)).isBetween(3L, 5L);
    }
}
