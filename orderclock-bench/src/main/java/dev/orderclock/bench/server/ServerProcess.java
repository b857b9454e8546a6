package dev.orderclock.bench.server;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real server jar run as a child process on 127.0.0.1, on a port of its own and a given data
 * directory, with an explicit heap cap so figures from different runs compare.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final URI baseUri;
    private final Path log;
    private final Duration startedIn;

    private ServerProcess(Process process, URI baseUri, Path log, Duration startedIn) {
        this.process = process;
        this.baseUri = baseUri;
        this.log = log;
        this.startedIn = startedIn;
    }

    /** Starts the jar and returns once {@code /actuator/health} answers 200, or throws with the log's tail. */
    public static ServerProcess start(ServerSettings settings, ServerDatabase database, String adminToken)
            throws IOException, InterruptedException {
        return start(
                settings, database.dataDir(), List.of("--spring.datasource.url=" + database.serverUrl()), adminToken);
    }

    /**
     * Starts the jar on {@code dataDir} (its log goes there too) with the database and mode given by
     * {@code modeArgs}, e.g. the cluster profile and its PostgreSQL and RabbitMQ settings.
     */
    public static ServerProcess start(ServerSettings settings, Path dataDir, List<String> modeArgs, String adminToken)
            throws IOException, InterruptedException {
        Files.createDirectories(dataDir);
        int port = settings.port() > 0 ? settings.port() : freePort();
        Path log = dataDir.resolve("server.log");
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx" + settings.heap()));
        command.addAll(settings.jvmArgs());
        command.addAll(List.of(
                "-jar",
                settings.jar().toAbsolutePath().toString(),
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--orderclock.data-dir=" + dataDir,
                "--orderclock.admin-token=" + adminToken,
                // The bench places thousands of orders a second for a thousand shoppers: far beyond
                // the per-shopper limits and request rates a shop sets (its server args may set them).
                "--orderclock.limits.enabled=false"));
        command.addAll(modeArgs);
        command.addAll(settings.serverArgs());
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        // Ctrl-C on the bench must not leave a server running on the data directory.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "bench-server-stop"));
        URI base = URI.create("http://127.0.0.1:" + port);
        ServerProcess server = new ServerProcess(process, base, log, null);
        try {
            server.awaitHealthy(settings.startTimeout());
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return new ServerProcess(process, base, log, Duration.ofNanos(System.nanoTime() - started));
    }

    public URI baseUri() {
        return baseUri;
    }

    public long pid() {
        return process.pid();
    }

    /** From launching the JVM to the first healthy answer: start-up, backlog close and first horizon load. */
    public Duration startedIn() {
        return startedIn;
    }

    public Path log() {
        return log;
    }

    private void awaitHealthy(Duration timeout) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        HttpRequest health = HttpRequest.newBuilder(baseUri.resolve("/actuator/health"))
                .timeout(Duration.ofSeconds(5))
                .build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("server exited with " + process.exitValue() + " during start-up\n" + tail());
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // The port opens late in Spring's start-up; keep asking until the deadline.
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new IOException("server not healthy after " + timeout.toSeconds() + " s\n" + tail());
    }

    /** The last lines of the server's log, for an error a person can act on. */
    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    /** A graceful stop (SIGTERM: Spring's shutdown stops the engine, then the pool); a kill if it hangs. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
