package dev.orderclock.deadline;

import dev.orderclock.testing.ManualClock;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole engine on a manual clock: 10,000 random deadlines over ten minutes (half pending at the
 * start, half created as time goes, some paid before they are due), time moved in random steps of
 * 10 ms to 5 s. Every unpaid deadline fires exactly once, by the wheel, never early and within one
 * tick plus one step; no paid one fires; memory follows the horizon, not the number pending.
 */
class EngineEndToEndTest {

    private static final Duration HORIZON = Duration.ofSeconds(30);
    private static final long TICK = DeadlineEngine.DEFAULT_TICK.toMillis();
    private static final long TEN_MINUTES = 600_000;
    private static final int DEADLINES = 10_000;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 7})
    void firesEveryUnpaidDeadlineOnceOnTimeFromAMemoryThatFollowsTheHorizon(long seed) {
        // given half the deadlines pending before the engine runs, and the other half to be created
        Random random = new Random(seed);
        ManualClock clock = ManualClock.at("2025-01-01T00:00:00Z");
        long t0 = clock.millis();
        FakeDeadlineSource source = new FakeDeadlineSource();
        Map<Long, Long> dueById = new HashMap<>();
        for (long id = 1; id <= DEADLINES / 2; id++) {
            dueById.put(id, t0 + random.nextLong(TEN_MINUTES));
            source.add(id, dueById.get(id));
        }
        List<Creation> creations = new ArrayList<>();
        for (long id = DEADLINES / 2 + 1; id <= DEADLINES; id++) {
            long createdAt = t0 + random.nextLong(TEN_MINUTES - 60_000);
            boolean paid = random.nextInt(10) == 0;
            creations.add(new Creation(id, createdAt, random.nextLong(60_000), paid ? random.nextDouble() : -1));
        }
        creations.sort((a, b) -> Long.compare(a.createdAt, b.createdAt));
        DeadlineEngine engine =
                DeadlineEngine.builder(clock).source(source).horizon(HORIZON).build();
        engine.runOnce();

        // when time moves in random steps, orders being created and some paid in between
        Map<Long, Long> stepEndingAt = new HashMap<>();
        Set<Long> paid = new HashSet<>();
        List<Creation> toPay = new ArrayList<>();
        long most = 0;
        int next = 0;
        while (clock.millis() < t0 + TEN_MINUTES + 10_000) {
            long step = (long) Math.exp(Math.log(10) + random.nextDouble() * Math.log(500)); // 10 ms .. 5 s
            long now = clock.advance(Duration.ofMillis(step)).toEpochMilli();
            stepEndingAt.put(now, step);
            for (; next < creations.size() && creations.get(next).createdAt <= now; next++) {
                Creation order = creations.get(next);
                long due = now + order.delay;
                dueById.put(order.id, due);
                source.add(order.id, due);
                engine.schedule(source, order.id, Instant.ofEpochMilli(due));
                if (order.payAtFraction >= 0) {
                    toPay.add(order);
                }
            }
            toPay.removeIf(order -> payIfBeforeItsDeadline(order, dueById.get(order.id), now, source, engine, paid));
            engine.runOnce();

            // then, at every step: memory holds no more than what is pending within the horizon
            assertThat(engine.inMemory()).isLessThanOrEqualTo(source.pendingDueBy(now + HORIZON.toMillis()));
            most = Math.max(most, engine.inMemory());
        }

        // then every unpaid deadline fired once, by the wheel, never early, within a tick and a step
        assertThat(source.fired().size() + paid.size()).isEqualTo(DEADLINES);
        assertThat(source.sweptIds()).isEmpty();
        assertThat(source.handedEarly()).isEmpty();
        assertThat(source.idsHandedToFire())
                .hasSize(DEADLINES - paid.size())
                .doesNotHaveDuplicates()
                .noneMatch(paid::contains);
        List<String> late = new ArrayList<>();
        source.fired().forEach((id, fired) -> {
            long lateness = fired.firedAt().toEpochMilli() - dueById.get(id);
            if (lateness < 0
                    || lateness >= TICK + stepEndingAt.get(fired.firedAt().toEpochMilli())) {
                late.add(id + " late by " + lateness + " ms");
            }
        });
        assertThat(late).isEmpty();
        // and memory followed the horizon (about 5% of the ten minutes), not the 10,000 pending
        assertThat(most).isPositive().isLessThan(DEADLINES / 10);
    }

    /** Pays an order whose time to pay has come, if its deadline has not passed; true when it is settled. */
    private static boolean payIfBeforeItsDeadline(
            Creation order, long due, long now, FakeDeadlineSource source, DeadlineEngine engine, Set<Long> paid) {
        long payAt = order.createdAt + (long) (order.payAtFraction * (due - order.createdAt));
        if (payAt > now) {
            return false;
        }
        if (due > now) {
            source.resolve(order.id);
            engine.cancel(source, order.id);
            paid.add(order.id);
        }
        return true;
    }

    private record Creation(long id, long createdAt, long delay, double payAtFraction) {}
}
