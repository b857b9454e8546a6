package dev.orderclock.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged jar in a process of its own, started as an operator starts it — {@code java -jar}, a
 * port and a data folder — and killed with SIGKILL or stopped with SIGTERM as the test needs.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Path JAR = Path.of(System.getProperty("orderclock.jar", "target/orderclock-server.jar"));

    private final Path dataDir;
    private final Path log;
    private final int port;
    private final Process process;

    private ServerProcess(Path dataDir, int port, List<String> launch, List<String> extraArgs) throws IOException {
        assertThat(JAR)
                .as("the packaged jar (mvn verify packages it before the integration tests)")
                .exists();
        this.dataDir = dataDir;
        this.port = port;
        this.log = dataDir.resolveSibling(dataDir.getFileName() + "-" + System.nanoTime() + ".log");
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
        command.addAll(launch);
        command.addAll(List.of(
                "--server.port=" + port,
                "--orderclock.data-dir=" + dataDir.toAbsolutePath(),
                "--orderclock.admin-token=" + Api.OPERATOR_TOKEN,
                // Crash, cluster and jar runs place many orders per shopper; LimitsIT covers the limits.
                "--orderclock.limits.enabled=false"));
        command.addAll(extraArgs);
        this.process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    /** Starts the jar on a free port over {@code dataDir} and waits until it reports healthy. */
    public static ServerProcess start(Path dataDir, String... extraArgs) throws IOException {
        return startOnPort(freePort(), dataDir, extraArgs);
    }

    public static ServerProcess startOnPort(int port, Path dataDir, String... extraArgs) throws IOException {
        ServerProcess server = new ServerProcess(
                dataDir, port, List.of("-jar", JAR.toAbsolutePath().toString()), List.of(extraArgs));
        server.awaitHealthy();
        return server;
    }

    /**
     * Starts the jar's other application, as its Javadoc says an operator does: {@code java -cp} the jar,
     * {@code -Dloader.main} naming the main class, Spring Boot's {@code PropertiesLauncher}.
     */
    public static ServerProcess startMain(String mainClass, Path dataDir, String... extraArgs) throws IOException {
        ServerProcess server = new ServerProcess(
                dataDir,
                freePort(),
                List.of(
                        "-cp",
                        JAR.toAbsolutePath().toString(),
                        "-Dloader.main=" + mainClass,
                        "org.springframework.boot.loader.launch.PropertiesLauncher"),
                List.of(extraArgs));
        server.awaitHealthy();
        return server;
    }

    public Api api() {
        return new Api(port);
    }

    public int port() {
        return port;
    }

    /** The lines of this process's log that contain {@code text}, to explain a failure. */
    public List<String> logLines(String text) {
        try (var lines = Files.lines(log)) {
            return lines.filter(line -> line.contains(text)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed by the JVM. */
    public void kill9() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM: the graceful shutdown an operator triggers. */
    public void stop() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private void awaitHealthy() throws IOException {
        Api api = api();
        try {
            await().atMost(Duration.ofSeconds(180))
                    .pollInterval(Duration.ofMillis(100))
                    .ignoreExceptions()
                    .failFast("the server exited", () -> !process.isAlive())
                    .until(() -> api.get("/actuator/health").send(), (Reply reply) -> reply.status() == 200);
        } catch (RuntimeException e) {
            process.destroyForcibly();
            throw new AssertionError(
                    "the server over " + dataDir + " did not come up; its log:\n" + Files.readString(log), e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
