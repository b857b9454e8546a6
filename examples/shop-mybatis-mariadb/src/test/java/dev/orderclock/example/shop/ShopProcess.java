package dev.orderclock.example.shop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The packaged shop in a JVM of its own ({@code java -jar}), killed with SIGKILL or stopped with SIGTERM. */
final class ShopProcess implements AutoCloseable {

    private static final Path JAR = Path.of(System.getProperty("shop.jar", "target/shop-mybatis-mariadb.jar"));

    private final Path log;
    private final Process process;

    private ShopProcess(String name, List<String> args) throws IOException {
        assertThat(JAR)
                .as("the packaged jar (mvn verify packages it before the integration tests)")
                .exists();
        this.log = Files.createTempFile("shop-" + name + "-", ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-jar",
                JAR.toAbsolutePath().toString()));
        command.addAll(args);
        this.process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    /** Starts the jar and waits until its engine has started. */
    static ShopProcess start(String name, String... args) throws IOException {
        ShopProcess shop = new ShopProcess(name, List.of(args));
        try {
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(100))
                    .failFast("the shop exited", () -> !shop.process.isAlive())
                    .until(() -> shop.logText().contains("deadline engine started"));
        } catch (RuntimeException e) {
            shop.process.destroyForcibly();
            throw new AssertionError("shop " + name + " did not start; its log:\n" + shop.logText(), e);
        }
        return shop;
    }

    String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL: no shutdown hook, no rollback by the JVM; the database rolls back what the process held. */
    void kill9() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }
}
