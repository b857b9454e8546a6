package dev.orderclock.outbox;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link Outbox}: what the event stream tails and what the relay publishes, once per database. An
 * adapter module extends it with a backend that can write committed events as the stores do.
 */
public abstract class OutboxContract {

    private static final long LOCK = 0x6f7574626f78L;

    /** An outbox over a database of its own, empty, and a way to commit events into it. */
    public interface OutboxBackend extends AutoCloseable {
        Outbox outbox();

        /** Commits one event of the given type, as a store's transaction would; answers its sequence number. */
        long commit(String type);

        @Override
        void close();
    }

    private OutboxBackend backend;
    private Outbox outbox;

    protected abstract OutboxBackend openBackend();

    @BeforeEach
    void open() {
        backend = openBackend();
        outbox = backend.outbox();
    }

    @AfterEach
    void close() {
        backend.close();
    }

    @Test
    void anEmptyOutboxHasNothingToTailAndNothingToPublish() {
        assertThat(outbox.lastSeq()).isZero();
        assertThat(outbox.after(0, 10)).isEmpty();
        assertThat(outbox.latest(10)).isEmpty();
        List<List<OutboxEvent>> published = new ArrayList<>();
        assertThat(outbox.publishNext(LOCK, 10, published::add)).isZero();
        assertThat(published).as("the publisher is not called for nothing").isEmpty();
    }

    @Test
    void eventsAfterAPositionComeInSequenceOrderAPageAtATime() {
        // given
        long first = backend.commit("order.created");
        long second = backend.commit("order.paid");
        long third = backend.commit("order.shipped");
        // when
        List<OutboxEvent> page = outbox.after(0, 2);
        List<OutboxEvent> rest = outbox.after(page.get(1).seq(), 2);
        // then
        assertThat(page).extracting(OutboxEvent::seq).containsExactly(first, second);
        assertThat(page).extracting(OutboxEvent::type).containsExactly("order.created", "order.paid");
        assertThat(rest).extracting(OutboxEvent::seq).containsExactly(third);
        assertThat(outbox.after(third, 2)).isEmpty();
        assertThat(outbox.lastSeq()).isEqualTo(third);
        assertThat(page.get(0).eventId()).isNotBlank();
        assertThat(page.get(0).payload()).contains("order.created");
    }

    @Test
    void theLatestEventsComeOldestFirst() {
        // given
        backend.commit("order.created");
        long second = backend.commit("order.paid");
        long third = backend.commit("order.shipped");
        // when, then
        assertThat(outbox.latest(2)).extracting(OutboxEvent::seq).containsExactly(second, third);
        assertThat(outbox.latest(5)).hasSize(3);
    }

    @Test
    void amongAnswersOnlyThePositionsThatExistInOrder() {
        // given
        long first = backend.commit("order.created");
        long second = backend.commit("order.paid");
        // when, then
        assertThat(outbox.among(List.of(second + 100, second, first)))
                .extracting(OutboxEvent::seq)
                .containsExactly(first, second);
        assertThat(outbox.among(List.of())).isEmpty();
    }

    @Test
    void aReadOfNoEventsIsRefused() {
        assertThatThrownBy(() -> outbox.after(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> outbox.latest(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> outbox.publishNext(LOCK, 0, batch -> {})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void publishingHandsTheUnpublishedOnInSequenceOrderAndEachOnlyOnce() {
        // given
        long first = backend.commit("order.created");
        long second = backend.commit("order.paid");
        long third = backend.commit("order.closed");
        List<Long> published = new ArrayList<>();
        // when
        int firstBatch = outbox.publishNext(LOCK, 2, batch -> batch.forEach(e -> published.add(e.seq())));
        int secondBatch = outbox.publishNext(LOCK, 2, batch -> batch.forEach(e -> published.add(e.seq())));
        int thirdBatch = outbox.publishNext(LOCK, 2, batch -> batch.forEach(e -> published.add(e.seq())));
        // then
        assertThat(List.of(firstBatch, secondBatch, thirdBatch)).containsExactly(2, 1, 0);
        assertThat(published).containsExactly(first, second, third);
        assertThat(outbox.after(0, 10)).as("published events stay in the tail").hasSize(3);
    }

    @Test
    void aPublisherThatFailsMarksNothingAndTheSameEventsComeAgain() {
        // given
        long first = backend.commit("order.created");
        // when
        assertThatThrownBy(() -> outbox.publishNext(LOCK, 10, batch -> {
                    throw new IOException("the broker did not confirm");
                }))
                .isInstanceOf(IOException.class);
        // then
        List<Long> published = new ArrayList<>();
        assertThat(outbox.publishNext(LOCK, 10, batch -> batch.forEach(e -> published.add(e.seq()))))
                .isEqualTo(1);
        assertThat(published).containsExactly(first);
    }

    @Test
    void whileOneRelayPublishesAnotherOnTheSameLockPublishesNothing() throws Exception {
        // given
        backend.commit("order.created");
        List<Integer> othersCount = new ArrayList<>();
        List<List<OutboxEvent>> othersBatches = new ArrayList<>();
        // when another relay tries while the first one is between its read and its commit
        int count = outbox.publishNext(
                LOCK,
                10,
                batch -> othersCount.add(
                        CompletableFuture.supplyAsync(() -> outbox.publishNext(LOCK, 10, othersBatches::add))
                                .get(30, TimeUnit.SECONDS)));
        // then
        assertThat(count).isEqualTo(1);
        assertThat(othersCount).containsExactly(Outbox.LOCKED);
        assertThat(othersBatches).isEmpty();
    }

    @Test
    void relaysOnDifferentLocksDoNotWaitForEachOther() throws Exception {
        // given
        backend.commit("order.created");
        List<Integer> othersCount = new ArrayList<>();
        // when a relay of another key runs while the first holds its lock
        outbox.publishNext(
                LOCK,
                10,
                batch -> othersCount.add(
                        CompletableFuture.supplyAsync(() -> outbox.publishNext(LOCK + 1, 10, other -> {}))
                                .get(30, TimeUnit.SECONDS)));
        // then it took its own lock and got a batch: the first one's is not committed yet
        assertThat(othersCount).containsExactly(1);
    }
}
