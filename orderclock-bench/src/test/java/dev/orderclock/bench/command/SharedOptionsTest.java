package dev.orderclock.bench.command;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class SharedOptionsTest {

    @Test
    void eachCommandKeepsItsOwnDefaultsForTheOptionsItShares() {
        // when run, burst and compare are parsed without options
        RunCommand run = new RunCommand();
        BurstCommand burst = new BurstCommand();
        CompareCommand compare = new CompareCommand();
        new CommandLine(run).parseArgs();
        new CommandLine(burst).parseArgs();
        new CommandLine(compare).parseArgs();

        // then run and burst wait 120 s for late closes and compare 90 s; compare pays a tenth, run none
        assertThat(run.close.drain).isEqualTo(Duration.ofSeconds(120));
        assertThat(burst.close.drain).isEqualTo(Duration.ofSeconds(120));
        assertThat(compare.close.drain).isEqualTo(Duration.ofSeconds(90));
        assertThat(run.load.paid).isZero();
        assertThat(compare.load.paid).isEqualTo(0.1);
        assertThat(compare.close.grace).isEqualTo(Duration.ofSeconds(5));
        assertThat(compare.close.concurrency).isEqualTo(8);
        assertThat(burst.peers).containsExactly("scan-1s");
    }

    @Test
    void anOptionGivenOverridesTheCommandsDefault() {
        // when compare is given its drain, its paid share and a spread
        CompareCommand compare = new CompareCommand();
        new CommandLine(compare).parseArgs("--drain", "30s", "--paid", "0.2", "--spread", "10s");

        // then those are taken
        assertThat(compare.close.drain).isEqualTo(Duration.ofSeconds(30));
        assertThat(compare.load.paid).isEqualTo(0.2);
        assertThat(compare.load.due.isSpread()).isTrue();
    }
}
