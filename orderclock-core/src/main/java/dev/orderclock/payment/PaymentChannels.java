package dev.orderclock.payment;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The channels this shop has configured, by name ({@code alipay}, {@code wechat}). */
public final class PaymentChannels {

    private final Map<String, PaymentChannel> byName;

    public PaymentChannels(List<PaymentChannel> channels) {
        this.byName =
                channels.stream().collect(Collectors.toUnmodifiableMap(PaymentChannel::name, Function.identity()));
    }

    public Optional<PaymentChannel> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }
}
