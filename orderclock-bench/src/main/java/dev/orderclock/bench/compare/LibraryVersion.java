package dev.orderclock.bench.compare;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of a peer's library as its jar says it, for the configuration line of the table. */
public final class LibraryVersion {

    private LibraryVersion() {}

    /** From the jar manifest of {@code type}, else from Maven's {@code pom.properties} of that artifact; "?" if neither. */
    public static String of(Class<?> type, String groupId, String artifactId) {
        String version = type.getPackage().getImplementationVersion();
        if (version != null) {
            return version;
        }
        String path = "/META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
        try (InputStream in = type.getResourceAsStream(path)) {
            if (in == null) {
                return "?";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "?");
        } catch (IOException e) {
            return "?";
        }
    }
}
