package dev.orderclock.bench.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** How the bench launches the server jar: which jar, heap cap, port (0 = any free one) and extra arguments. */
public record ServerSettings(
        Path jar, String heap, int port, List<String> jvmArgs, List<String> serverArgs, Duration startTimeout) {

    public ServerSettings withPort(int other) {
        return new ServerSettings(jar, heap, other, jvmArgs, serverArgs, startTimeout);
    }
}
