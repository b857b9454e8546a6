package dev.orderclock.bench.cluster;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The PostgreSQL and RabbitMQ a bench cluster runs on. {@code postgresUrl} names an existing database
 * the bench connects to in order to create, watch and drop the run's own database next to it.
 */
public record ClusterServices(String postgresUrl, String postgresUser, String postgresPassword, URI rabbit) {

    /** The same server's JDBC URL with another database name (query parameters kept). */
    public String urlOf(String database) {
        int query = postgresUrl.indexOf('?');
        String base = query < 0 ? postgresUrl : postgresUrl.substring(0, query);
        String parameters = query < 0 ? "" : postgresUrl.substring(query);
        int slash = base.lastIndexOf('/');
        if (slash < "jdbc:postgresql://".length()) {
            throw new IllegalArgumentException(
                    "--postgres must name a database, e.g. jdbc:postgresql://127.0.0.1:5432/test");
        }
        return base.substring(0, slash + 1) + database + parameters;
    }

    public String rabbitHost() {
        return rabbit.getHost();
    }

    public int rabbitPort() {
        return rabbit.getPort() > 0 ? rabbit.getPort() : 5672;
    }

    public String rabbitUser() {
        return userInfo()[0];
    }

    public String rabbitPassword() {
        return userInfo()[1];
    }

    /** amqp://host/%2F is the vhost "/", as in the AMQP URI spec; no path is "/" too. */
    public String rabbitVirtualHost() {
        String path = rabbit.getRawPath();
        if (path == null || path.length() <= 1) {
            return "/";
        }
        return URLDecoder.decode(path.substring(1), StandardCharsets.UTF_8);
    }

    /** The server's Spring Boot settings for this database and broker. */
    List<String> serverArgs(String database) {
        return List.of(
                "--spring.datasource.url=" + urlOf(database),
                "--spring.datasource.username=" + postgresUser,
                "--spring.datasource.password=" + postgresPassword,
                "--spring.rabbitmq.host=" + rabbitHost(),
                "--spring.rabbitmq.port=" + rabbitPort(),
                "--spring.rabbitmq.username=" + rabbitUser(),
                "--spring.rabbitmq.password=" + rabbitPassword(),
                "--spring.rabbitmq.virtual-host=" + rabbitVirtualHost());
    }

    private String[] userInfo() {
        String info = rabbit.getUserInfo();
        if (info == null) {
            return new String[] {"guest", "guest"};
        }
        int colon = info.indexOf(':');
        return colon < 0 ? new String[] {info, ""} : new String[] {info.substring(0, colon), info.substring(colon + 1)};
    }
}
