package dev.orderclock.server;

import dev.orderclock.channels.ChannelsConfiguration;
import dev.orderclock.web.WebEdge;
import dev.orderclock.web.problem.ProblemErrorController;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/**
 * The orderclock service: REST API, deadline engine and metrics in one process ({@code java -jar}). The HTTP
 * edge it shares with the standalone simulator (clock, identity, problem documents, strict JSON) lives in
 * orderclock-web, outside this package's scan, and is imported here ({@link WebEdge}, and the error page's
 * problem document, which the simulator alone does without).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import({ChannelsConfiguration.class, WebEdge.class, ProblemErrorController.class})
public class OrderclockApplication {

    /**
     * Hikari checks a connection that has been idle longer than this before lending it: one empty
     * statement, which PostgreSQL counts as a transaction. Its default (500 ms) doubled the cost of
     * every idle look (the sweeper's every 5 s, the payment jobs' every 30-60 s; measured 33
     * transactions a minute instead of 18, issue 15). Past this window a connection broken while
     * idle (a database restart) fails its first statement and is then evicted: the firing path
     * retries it, a request answers 503 once.
     */
    static final String HIKARI_ALIVE_BYPASS = "com.zaxxer.hikari.aliveBypassWindowMs";

    public static void main(String[] args) {
        if (System.getProperty(HIKARI_ALIVE_BYPASS) == null) {
            System.setProperty(HIKARI_ALIVE_BYPASS, "120000");
        }
        SpringApplication.run(OrderclockApplication.class, args);
    }
}
