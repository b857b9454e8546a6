package dev.orderclock.bench.workload;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Creates orders through {@code POST /api/orders} from {@code concurrency} client threads, either as
 * fast as they go or paced to a fixed rate (order i is sent no earlier than start + i / rate). With
 * several nodes (cluster mode), order i goes to node i mod n: round robin, as a load balancer would.
 */
public final class OrderLoad {

    /** What to create: how many, how fast (0 = unpaced), from how many threads, due when, for how many users. */
    public record Settings(long orders, double ratePerSecond, int concurrency, TimeoutPlan timeouts, int users) {}

    /** What happened: the orders created, failures by HTTP status (-1 = I/O error), and the creation latency. */
    public record Result(
            List<CreatedOrder> created,
            Map<Integer, Long> failures,
            Instant started,
            Instant finished,
            Histogram latencyMicros,
            double clientCpuSeconds) {

        public long failed() {
            return failures.values().stream().mapToLong(Long::longValue).sum();
        }

        public double perSecond() {
            double seconds = Duration.between(started, finished).toNanos() / 1e9;
            return seconds > 0 ? created.size() / seconds : 0;
        }
    }

    private final List<OrderApi> nodes;
    private final Catalogue catalogue;
    private final InstantSource clock;
    private final AtomicLong next = new AtomicLong();
    private final AtomicLong done = new AtomicLong();

    public OrderLoad(OrderApi api, Catalogue catalogue, InstantSource clock) {
        this(List.of(api), catalogue, clock);
    }

    public OrderLoad(List<OrderApi> nodes, Catalogue catalogue, InstantSource clock) {
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("no node to create orders on");
        }
        this.nodes = List.copyOf(nodes);
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** Orders answered so far (created or failed), for the progress line. */
    public long done() {
        return done.get();
    }

    public Result run(Settings settings, Consumer<CreatedOrder> onCreated) throws InterruptedException {
        ConcurrentLinkedQueue<CreatedOrder> created = new ConcurrentLinkedQueue<>();
        Map<Integer, Long> failures = new ConcurrentHashMap<>();
        Recorder latency = new Recorder(3);
        Instant started = clock.instant();
        long cpuBefore = processCpuNanos();
        long startNanos = System.nanoTime();
        Thread[] threads = new Thread[settings.concurrency()];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(
                    () -> createUntilDone(settings, startNanos, created, failures, latency, onCreated),
                    "bench-client-" + t);
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return new Result(
                List.copyOf(created),
                Map.copyOf(failures),
                started,
                clock.instant(),
                latency.getIntervalHistogram(),
                (processCpuNanos() - cpuBefore) / 1e9);
    }

    /** The bench's own CPU time: on a 2-core machine the client's share is taken from the server. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private void createUntilDone(
            Settings settings,
            long startNanos,
            ConcurrentLinkedQueue<CreatedOrder> created,
            Map<Integer, Long> failures,
            Recorder latency,
            Consumer<CreatedOrder> onCreated) {
        long i;
        while ((i = next.getAndIncrement()) < settings.orders()) {
            if (settings.ratePerSecond() > 0) {
                long due = startNanos + (long) (i * 1e9 / settings.ratePerSecond());
                for (long wait; (wait = due - System.nanoTime()) > 0; ) {
                    LockSupport.parkNanos(wait);
                }
            }
            String user = "bench-u" + (i % settings.users());
            long sent = System.nanoTime();
            try {
                OrderApi api = nodes.get((int) (i % nodes.size()));
                OrderApi.Answer answer = api.createOrder(
                        user, catalogue.any(), 1, settings.timeouts().secondsFor(clock.instant()));
                latency.recordValue(Math.max(1, (System.nanoTime() - sent) / 1000));
                if (answer.is(201)) {
                    CreatedOrder order = new CreatedOrder(
                            answer.body().get("id").asText(),
                            user,
                            Instant.parse(answer.body().get("payDeadline").asText()));
                    created.add(order);
                    onCreated.accept(order);
                } else {
                    failures.merge(answer.status(), 1L, Long::sum);
                }
            } catch (IOException e) {
                failures.merge(-1, 1L, Long::sum);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            done.incrementAndGet();
        }
    }
}
