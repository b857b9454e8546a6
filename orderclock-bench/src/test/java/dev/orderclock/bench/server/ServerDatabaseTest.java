package dev.orderclock.bench.server;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ServerDatabaseTest {

    @Test
    void keepsTheSettingsOfTheServersOwnUrl() {
        String yml = """
                spring:
                  datasource:
                    url: jdbc:h2:file:${orderclock.data-dir}/orderclock;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE
                """;

        assertThat(ServerDatabase.settingsIn(yml)).isEqualTo(";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
    }

    @Test
    void seedsWithoutTheServersQueryTimeout() {
        assertThat(ServerDatabase.withoutQueryTimeout(";WRITE_DELAY=0;QUERY_TIMEOUT=10000;LOCK_TIMEOUT=2000"))
                .isEqualTo(";WRITE_DELAY=0;LOCK_TIMEOUT=2000");
    }

    @Test
    void measuresWithStatisticsAndAutoServerButWithoutCloseOnExitWhichH2RefusesWithIt() {
        ServerDatabase database = ServerDatabase.of(Path.of("/tmp/x"), Path.of("/nonexistent.jar"));

        assertThat(database.serverUrl())
                .startsWith("jdbc:h2:file:/tmp/x/orderclock;WRITE_DELAY=0")
                .contains("QUERY_STATISTICS=TRUE", "AUTO_SERVER=TRUE")
                .doesNotContain("DB_CLOSE_ON_EXIT");
    }
}
