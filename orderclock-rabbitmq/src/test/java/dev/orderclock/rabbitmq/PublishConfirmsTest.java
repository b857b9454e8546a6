package dev.orderclock.rabbitmq;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.InstantSource;

import static org.assertj.core.api.Assertions.assertThat;

/** A delay message carries many deadlines: whatever becomes of it becomes of all of them. */
class PublishConfirmsTest {

    private final PublishConfirms confirms = new PublishConfirms(InstantSource.fixed(Instant.EPOCH));

    @Test
    void aNackedMessageLosesEveryDeadlineItCarries() {
        // given three messages of 500, 20 and 7 deadlines awaiting their confirms
        confirms.published(1, 500);
        confirms.published(2, 20);
        confirms.published(3, 7);

        // when the broker acks the first and nacks the next two at once
        confirms.acked(1, false);
        confirms.nacked(3, true);

        // then the 27 deadlines of the refused ones are lost, and none await a confirm
        assertThat(confirms.lost()).isEqualTo(27);
        assertThat(confirms.unconfirmed()).isZero();
    }

    @Test
    void aChannelClosedBeforeTheConfirmsLosesEveryUnconfirmedDeadline() {
        // given two messages of which the first was confirmed
        confirms.published(1, 500);
        confirms.published(2, 300);
        confirms.acked(1, true);

        // when the channel closes
        confirms.channelClosed("connection reset");

        // then the second's 300 are lost
        assertThat(confirms.lost()).isEqualTo(300);
        assertThat(confirms.unconfirmed()).isZero();
    }

    @Test
    void aFailedPublishLosesItsDeadlinesOnce() {
        // given a publish that threw after it took a sequence number, and one that threw before
        confirms.published(5, 40);
        confirms.failed(5, 40, "broken pipe");
        confirms.failed(-1, 9, "no channel");

        // when the channel's shutdown follows
        confirms.channelClosed("broken pipe");

        // then each is counted once
        assertThat(confirms.lost()).isEqualTo(49);
    }
}
