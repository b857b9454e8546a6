package dev.orderclock.bench.measurement;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server process's memory as the OS and the JVM see it: resident set size from
 * {@code /proc/<pid>/status}, and live heap from {@code jcmd GC.heap_info} right after a full GC
 * ({@code GC.run}), so the figure is what is retained, not what awaits collection.
 */
public final class ServerMemory {

    private static final Pattern HEAP_USED = Pattern.compile("(?i)heap\\s+total\\s+(\\d+)K,\\s+used\\s+(\\d+)K");
    private static final Pattern VM_RSS = Pattern.compile("VmRSS:\\s+(\\d+)\\s+kB");

    private ServerMemory() {}

    /** What was read; a field is empty when the process or the tool did not answer. */
    public record Reading(OptionalLong heapUsedBytes, OptionalLong heapCommittedBytes, OptionalLong rssBytes) {}

    public static Reading read(long pid) throws InterruptedException {
        String gc = jcmd(pid, "GC.run");
        String info = gc == null ? null : jcmd(pid, "GC.heap_info");
        OptionalLong used = OptionalLong.empty();
        OptionalLong committed = OptionalLong.empty();
        if (info != null) {
            Matcher heap = HEAP_USED.matcher(info);
            if (heap.find()) {
                committed = OptionalLong.of(Long.parseLong(heap.group(1)) * 1024);
                used = OptionalLong.of(Long.parseLong(heap.group(2)) * 1024);
            }
        }
        return new Reading(used, committed, rss(pid));
    }

    public static OptionalLong rss(long pid) {
        try {
            Matcher rss = VM_RSS.matcher(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
            return rss.find() ? OptionalLong.of(Long.parseLong(rss.group(1)) * 1024) : OptionalLong.empty();
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    public static String mib(OptionalLong bytes) {
        return bytes.isPresent() ? String.format(Locale.ROOT, "%.1f", bytes.getAsLong() / 1048576.0) : "n/a";
    }

    private static String jcmd(long pid, String command) throws InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        String tool = Files.isExecutable(java) ? java.toString() : "jcmd";
        try {
            Process process = new ProcessBuilder(List.of(tool, Long.toString(pid), command))
                    .redirectErrorStream(true)
                    .start();
            String out = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return null;
            }
            return out;
        } catch (IOException e) {
            return null;
        }
    }
}
