package dev.orderclock.simulator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * A simulator run apart from the shop ({@link SimulatorApplication}) writes what its consoles give a
 * shop — every {@code orderclock.channels.*} property, addressed to this process — into
 * {@code orderclock.sim.shop-config-file} once it listens, with {@code orderclock.sim.enabled=false}.
 * Cluster nodes import that file ({@code --spring.config.import=file:...}) and so share one simulated
 * channel, as they would share a real one: a trade opened through one node is known to all, whichever
 * is killed. The keys in it are the simulator's own demo keys; they sign nothing real.
 */
@Component
@ConditionalOnSimulator
@ConditionalOnProperty(prefix = "orderclock.sim", name = "shop-config-file")
final class ShopConfigFile implements ApplicationListener<WebServerInitializedEvent> {

    private static final Logger log = LoggerFactory.getLogger(ShopConfigFile.class);

    /** The two addresses name the port, known only now; every other value is in the environment already. */
    private static final String ALIPAY_GATEWAY = "orderclock.channels.alipay.gateway-url";

    private static final String WECHAT_BASE = "orderclock.channels.wechat.base-url";
    private static final String ALIPAY_SELLER = "orderclock.channels.alipay.seller-id";

    private final Environment environment;

    ShopConfigFile(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() != null) {
            return; // a management server of its own
        }
        Path file = Path.of(environment.getRequiredProperty("orderclock.sim.shop-config-file"));
        write(file, lines("http://127.0.0.1:" + event.getWebServer().getPort()));
        log.info(
                "the simulated channels' shop configuration is in {}: start the shop's nodes with "
                        + "--spring.config.import=file:{}",
                file,
                file);
    }

    private List<String> lines(String address) {
        List<String> lines = new ArrayList<>();
        lines.add("# Written by the orderclock simulator at " + address
                + " for the shop's nodes; see README, cluster mode.");
        lines.add("orderclock.sim.enabled=false");
        List<String> names = new ArrayList<>(RealChannelProperties.NAMES);
        names.add(ALIPAY_SELLER);
        for (String name : names) {
            String value = switch (name) {
                case ALIPAY_GATEWAY -> address + "/sim/alipay/gateway.do";
                case WECHAT_BASE -> address + "/sim/wechat";
                default -> environment.getProperty(name);
            };
            if (value != null) {
                lines.add(name + "=" + value);
            }
        }
        return lines;
    }

    /** Replaced whole, never half written: a node reading it at that moment sees the old or the new. */
    private static void write(Path file, List<String> lines) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, ".shop-config", ".tmp");
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the folder's own permissions apply.
            }
            Files.write(temp, lines, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the shop configuration to " + file, e);
        }
    }
}
