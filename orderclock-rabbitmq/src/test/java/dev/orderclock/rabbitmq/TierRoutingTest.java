package dev.orderclock.rabbitmq;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The routing of long delays, checked from the declared topology and the routing keys without
 * waiting: a message walks the bindings as the broker's topic exchanges would route it, and the TTLs
 * of the tiers it visits add up to its delay exactly.
 */
class TierRoutingTest {

    private final RabbitDelayTiers tiers = new RabbitDelayTiers("test.");

    @Test
    void hoursDaysAndAYearVisitExactlyTheTiersOfTheirBits() {
        for (Duration delay : List.of(
                Duration.ofSeconds(1),
                Duration.ofHours(1),
                Duration.ofHours(5).plusSeconds(17),
                Duration.ofDays(1),
                Duration.ofDays(30),
                Duration.ofDays(365),
                Duration.ofDays(366).plusSeconds(1))) {
            long seconds = delay.toSeconds();
            Route route = route(RabbitDelayTiers.routingKey(seconds));
            assertThat(route.ttlMillis()).as("delay %s", delay).isEqualTo(seconds * 1000);
            assertThat(route.tiers()).as("delay %s", delay).hasSize(Long.bitCount(seconds));
        }
    }

    @Test
    void everyDelayUpToTheMaximumReachesTheDueQueueAfterExactlyItsDelay() {
        SplittableRandom random = new SplittableRandom(4);
        for (int i = 0; i < 2_000; i++) {
            long seconds = random.nextLong(RabbitDelayTiers.MAX_DELAY_SECONDS + 1);
            assertThat(route(RabbitDelayTiers.routingKey(seconds)).ttlMillis()).isEqualTo(seconds * 1000);
        }
        assertThat(route(RabbitDelayTiers.routingKey(0)).tiers()).isEmpty();
        assertThat(route(RabbitDelayTiers.routingKey(RabbitDelayTiers.MAX_DELAY_SECONDS))
                        .tiers())
                .hasSize(RabbitDelayTiers.LEVELS);
    }

    @Test
    void roundingDownLeavesAtMostASecondForTheWheelAndNeverOvershoots() {
        assertThat(RabbitDelayTiers.delaySeconds(1_000, 1_000)).isZero();
        assertThat(RabbitDelayTiers.delaySeconds(1_000, 900)).isZero();
        assertThat(RabbitDelayTiers.delaySeconds(1_000, 1_999)).isZero();
        assertThat(RabbitDelayTiers.delaySeconds(1_000, 2_000)).isEqualTo(1);
        assertThat(RabbitDelayTiers.delaySeconds(1_000, 2_999)).isEqualTo(1);
        assertThatThrownBy(() -> RabbitDelayTiers.delaySeconds(0, (RabbitDelayTiers.MAX_DELAY_SECONDS + 1) * 1000))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tiersAreQuorumQueuesThatDeadLetterAtLeastOnce() {
        Map<String, Object> args = tiers.tierArguments(5);
        assertThat(args)
                .containsEntry("x-queue-type", "quorum")
                .containsEntry("x-message-ttl", 32_000L)
                .containsEntry("x-dead-letter-exchange", tiers.levelExchange(4))
                .containsEntry("x-dead-letter-strategy", "at-least-once")
                .containsEntry("x-overflow", "reject-publish");
        assertThat(tiers.tierArguments(0)).containsEntry("x-dead-letter-exchange", tiers.deliveryExchange());
    }

    private record Route(List<Integer> tiers, long ttlMillis) {}

    /** Routes {@code key} from the entry exchange as the broker would; fails unless exactly one binding matches each hop. */
    private Route route(String key) {
        List<Integer> visited = new ArrayList<>();
        long ttl = 0;
        String exchange = tiers.entryExchange();
        for (int hops = 0; hops < 3 * RabbitDelayTiers.LEVELS; hops++) {
            String at = exchange;
            List<RabbitDelayTiers.Binding> matching = tiers.bindings().stream()
                    .filter(b -> b.source().equals(at)
                            && matches(b.pattern(), key, b.source().equals(tiers.deliveryExchange())))
                    .toList();
            assertThat(matching).as("bindings of %s matching %s", at, key).hasSize(1);
            RabbitDelayTiers.Binding binding = matching.get(0);
            if (!binding.toQueue()) {
                exchange = binding.destination();
            } else if (binding.destination().equals(tiers.dueQueue())) {
                return new Route(visited, ttl);
            } else {
                int level = Integer.parseInt(
                        binding.destination().substring(binding.destination().lastIndexOf('.') + 1));
                Map<String, Object> args = tiers.tierArguments(level);
                visited.add(level);
                ttl += (Long) args.get("x-message-ttl");
                exchange = (String) args.get("x-dead-letter-exchange");
            }
        }
        throw new AssertionError("no due queue reached for " + key);
    }

    /** AMQP topic matching for the patterns used here ({@code *} one word, a trailing {@code #} the rest); fanout matches all. */
    private static boolean matches(String pattern, String key, boolean fanout) {
        if (fanout) {
            return true;
        }
        String[] p = pattern.split("\\.");
        String[] k = key.split("\\.");
        for (int i = 0; i < p.length; i++) {
            if (p[i].equals("#")) {
                return true;
            }
            if (i >= k.length || !(p[i].equals("*") || p[i].equals(k[i]))) {
                return false;
            }
        }
        return p.length == k.length;
    }
}
