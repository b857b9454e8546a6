package dev.orderclock.bench.measurement;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JDK Flight Recorder profile of the server over one phase (started and stopped with {@code jcmd}),
 * summarised as CPU samples per thread group and per hottest frame: where the time of a burst goes.
 */
public final class ServerProfile {

    private static final Pattern THREAD = Pattern.compile("sampledThread = \"([^\"]*)\"");
    private static final Pattern DIGITS = Pattern.compile("[-#]?\\d+");

    private final long pid;
    private final Path file;

    private ServerProfile(long pid, Path file) {
        this.pid = pid;
        this.file = file;
    }

    /** Starts a recording with the JDK's {@code profile} settings (20 ms execution samples per thread). */
    public static ServerProfile start(long pid, Path file) throws IOException, InterruptedException {
        run(
                tool("jcmd"),
                Long.toString(pid),
                "JFR.start",
                "name=orderclock-bench",
                "settings=profile",
                "filename=" + file.toAbsolutePath());
        return new ServerProfile(pid, file);
    }

    /** The recording, kept for JDK Mission Control or {@code jfr print}. */
    public Path file() {
        return file;
    }

    /** Stops the recording and returns samples by thread group and the hottest top frames. */
    public Map<String, Object> stop(int frames) throws IOException, InterruptedException {
        run(tool("jcmd"), Long.toString(pid), "JFR.stop", "name=orderclock-bench");
        Path text = Files.createTempFile("orderclock-profile-", ".txt");
        try {
            run(
                    text,
                    tool("jfr"),
                    "print",
                    "--events",
                    "jdk.ExecutionSample",
                    "--stack-depth",
                    "96",
                    file.toAbsolutePath().toString());
            return summarise(Files.readAllLines(text), frames);
        } finally {
            Files.deleteIfExists(text);
        }
    }

    static Map<String, Object> summarise(List<String> lines, int frames) {
        Map<String, Long> byThread = new HashMap<>();
        Map<String, Long> byFrame = new HashMap<>();
        Map<String, Long> byOwnFrame = new HashMap<>();
        long samples = 0;
        int depth = -1;
        boolean ownSeen = false;
        for (String line : lines) {
            Matcher thread = THREAD.matcher(line);
            if (thread.find()) {
                byThread.merge(DIGITS.matcher(thread.group(1)).replaceAll("#"), 1L, Long::sum);
                samples++;
            } else if (line.contains("stackTrace = [")) {
                depth = 0;
                ownSeen = false;
            } else if (depth >= 0 && line.trim().startsWith("]")) {
                depth = -1;
            } else if (depth >= 0) {
                String frame = line.trim().replaceAll("\\s+line:.*$", "");
                if (depth++ == 0) {
                    byFrame.merge(frame, 1L, Long::sum);
                }
                // The innermost orderclock frame: which of the server's own steps the sample belongs to.
                if (!ownSeen && frame.startsWith("dev.orderclock.")) {
                    byOwnFrame.merge(frame, 1L, Long::sum);
                    ownSeen = true;
                }
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("samples", samples);
        summary.put("byThread", top(byThread, 8));
        summary.put("innermostOrderclockFrames", top(byOwnFrame, frames));
        summary.put("topFrames", top(byFrame, frames));
        return summary;
    }

    private static Map<String, Long> top(Map<String, Long> counts, int n) {
        List<Map.Entry<String, Long>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()));
        Map<String, Long> top = new LinkedHashMap<>();
        sorted.stream().limit(n).forEach(e -> top.put(e.getKey(), e.getValue()));
        return top;
    }

    private static String tool(String name) {
        Path jdk = Path.of(System.getProperty("java.home"), "bin", name);
        return Files.isExecutable(jdk) ? jdk.toString() : name;
    }

    private static void run(String... command) throws IOException, InterruptedException {
        run(null, command);
    }

    private static void run(Path output, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.redirectOutput(
                output == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(output.toFile()));
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed");
        }
    }
}
