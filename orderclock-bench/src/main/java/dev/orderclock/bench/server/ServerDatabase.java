package dev.orderclock.bench.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The server's H2 file under a data directory, and the JDBC URLs that open it: the server's own URL
 * with query statistics and AUTO_SERVER added, so the bench can read the statistics while it runs.
 */
public final class ServerDatabase {

    /** What the server's application.yml said when this was written; used only if the jar cannot be read. */
    static final String FALLBACK_SETTINGS = ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";

    private static final String MEASURING =
            ";QUERY_STATISTICS=TRUE;QUERY_STATISTICS_MAX_ENTRIES=10000;AUTO_SERVER=TRUE";
    private static final Pattern H2_URL = Pattern.compile("(?m)^\\s*url:\\s*jdbc:h2:file:[^;\\s]*(;\\S*)?\\s*$");

    private final Path dataDir;
    private final String serverSettings;

    private ServerDatabase(Path dataDir, String serverSettings) {
        this.dataDir = dataDir.toAbsolutePath();
        this.serverSettings = serverSettings;
    }

    /** The database under {@code dataDir}, with the URL settings the given server jar uses by default. */
    public static ServerDatabase of(Path dataDir, Path serverJar) {
        return new ServerDatabase(dataDir, defaultSettings(serverJar));
    }

    public Path dataDir() {
        return dataDir;
    }

    /** True once Flyway has created the file (the server has run on this directory at least once). */
    public boolean exists() {
        return Files.exists(dataDir.resolve("orderclock.mv.db"));
    }

    /**
     * For the server's {@code --spring.datasource.url}: its default settings, plus statistics and
     * AUTO_SERVER. H2 refuses AUTO_SERVER with DB_CLOSE_ON_EXIT=FALSE, so that one setting is dropped:
     * it only decides who closes the file at shutdown, after every figure has been read.
     */
    public String serverUrl() {
        return base() + withoutCloseOnExit(serverSettings) + MEASURING;
    }

    static String withoutCloseOnExit(String settings) {
        return settings.replaceAll("(?i);DB_CLOSE_ON_EXIT=[A-Z]+", "");
    }

    /** Opens a session in the running server's database (AUTO_SERVER connects over TCP to that process). */
    public Connection connectToRunningServer() throws SQLException {
        return DriverManager.getConnection(base() + ";AUTO_SERVER=TRUE", "sa", "");
    }

    /**
     * Opens the file directly; only while no server has it open (the seed step). A 1 GiB page cache,
     * because random ids scatter a million inserts over the whole primary-key tree. No query
     * timeout: the server's bounds its requests, while the seed's ANALYZE and SHUTDOWN COMPACT over
     * millions of rows may rightly take minutes.
     */
    public Connection openExclusively() throws SQLException {
        return DriverManager.getConnection(
                base() + withoutQueryTimeout(serverSettings) + ";CACHE_SIZE=1048576", "sa", "");
    }

    static String withoutQueryTimeout(String settings) {
        return settings.replaceAll("(?i);QUERY_TIMEOUT=\\d+", "");
    }

    private String base() {
        return "jdbc:h2:file:" + dataDir.resolve("orderclock");
    }

    /** The settings after the path in the jar's {@code spring.datasource.url}, so the bench measures what ships. */
    static String defaultSettings(Path serverJar) {
        try (ZipFile jar = new ZipFile(serverJar.toFile())) {
            ZipEntry yml = jar.getEntry("BOOT-INF/classes/application.yml");
            if (yml == null) {
                return FALLBACK_SETTINGS;
            }
            try (InputStream in = jar.getInputStream(yml)) {
                return settingsIn(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            return FALLBACK_SETTINGS;
        }
    }

    static String settingsIn(String applicationYml) {
        Matcher url = H2_URL.matcher(applicationYml);
        if (!url.find()) {
            return FALLBACK_SETTINGS;
        }
        return url.group(1) == null ? "" : url.group(1);
    }
}
