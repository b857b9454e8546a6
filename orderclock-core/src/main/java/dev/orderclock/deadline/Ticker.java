package dev.orderclock.deadline;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The single thread that owns the wheels. Other threads never touch a wheel: they queue a command,
 * and the ticker runs it between ticks. Before the thread starts (tests driving
 * {@link DeadlineEngine#runOnce()}), commands queue up and {@link #call} runs inline.
 */
final class Ticker {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private final ConcurrentLinkedQueue<Runnable> commands = new ConcurrentLinkedQueue<>();
    private volatile Thread thread;

    void submit(Runnable command) {
        commands.add(command);
    }

    /** Runs {@code operation} on the ticker and waits for its answer. */
    <T> T call(Supplier<T> operation) {
        Thread owner = thread;
        if (owner == null || owner == Thread.currentThread()) {
            return operation.get();
        }
        CompletableFuture<T> answer = new CompletableFuture<>();
        commands.add(() -> {
            try {
                answer.complete(operation.get());
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        try {
            return answer.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the ticker", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the ticker did not answer within " + CALL_TIMEOUT, e);
        }
    }

    void drain() {
        Runnable command;
        while ((command = commands.poll()) != null) {
            command.run();
        }
    }

    void ownedBy(Thread owner) {
        this.thread = owner;
    }
}
