package dev.orderclock.bench;

import dev.orderclock.bench.command.BurstCommand;
import dev.orderclock.bench.command.CompareCommand;
import dev.orderclock.bench.command.IdleCommand;
import dev.orderclock.bench.command.RunCommand;
import dev.orderclock.bench.command.ScaleCommand;
import dev.orderclock.bench.command.SeedCommand;
import dev.orderclock.bench.command.StarterBurstCommand;
import dev.orderclock.bench.command.StarterIdleCommand;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar orderclock-bench.jar <command>}: workloads against the real orderclock server,
 * measured from the outside (HTTP, the database's own statistics, the process's memory).
 */
@Command(
        name = "orderclock-bench",
        mixinStandardHelpOptions = true,
        version = "orderclock-bench 0.1",
        subcommands = {
            RunCommand.class,
            BurstCommand.class,
            IdleCommand.class,
            ScaleCommand.class,
            SeedCommand.class,
            CompareCommand.class,
            StarterBurstCommand.class,
            StarterIdleCommand.class
        },
        description = "Measures orderclock: creation and close pace, close lag, missed closes, statements, memory.")
public final class Bench implements Runnable {

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs one command line and returns its exit code: 0 when the run held the invariants it checks. */
    public static int execute(String... args) {
        return new CommandLine(new Bench())
                .setExecutionExceptionHandler((e, line, parsed) -> {
                    // A wrong option or a missing jar is a message for a person, not a stack trace.
                    if (e instanceof IllegalArgumentException) {
                        line.getErr().println("orderclock-bench: " + e.getMessage());
                        return 2;
                    }
                    throw e;
                })
                .execute(args);
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }
}
