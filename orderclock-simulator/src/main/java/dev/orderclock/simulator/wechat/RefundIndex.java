package dev.orderclock.simulator.wechat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * WeChat Pay finds a refund by its {@code out_refund_no} alone: which trade each refund number
 * belongs to, for the most recent {@code capacity} refunds, the oldest forgotten first. A refund whose
 * trade the ledger has forgotten is not found either way, so the ledger's cap is a fitting capacity.
 */
final class RefundIndex {

    private final int capacity;
    private final LinkedHashMap<String, String> tradeOfRefund = new LinkedHashMap<>();

    RefundIndex(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.capacity = capacity;
    }

    synchronized void put(String refundNo, String tradeNo) {
        tradeOfRefund.put(refundNo, tradeNo);
        if (tradeOfRefund.size() > capacity) {
            Map.Entry<String, String> eldest =
                    tradeOfRefund.entrySet().iterator().next();
            tradeOfRefund.remove(eldest.getKey());
        }
    }

    synchronized Optional<String> tradeOf(String refundNo) {
        return Optional.ofNullable(tradeOfRefund.get(refundNo));
    }

    synchronized int size() {
        return tradeOfRefund.size();
    }
}
