package dev.orderclock.simulator.wechat;

import dev.orderclock.channels.wechat.WechatAmount;
import dev.orderclock.channels.wechat.WechatTime;
import dev.orderclock.simulator.SimRefund;
import dev.orderclock.simulator.SimTrade;
import dev.orderclock.simulator.TradeStatus;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The simulated WeChat Pay's resources as its API writes them: a transaction and a refund, amounts in fen. */
final class WechatResources {

    private WechatResources() {}

    /** WeChat Pay's trade_state: a paid trade with a refund reads REFUND, as at WeChat Pay. */
    static String tradeState(SimTrade trade) {
        if (trade.status() == TradeStatus.PAID) {
            return trade.refunds().isEmpty() ? "SUCCESS" : "REFUND";
        }
        return trade.status() == TradeStatus.WAITING ? "NOTPAY" : "CLOSED";
    }

    /** The transaction of the query answer and of the payment notification. */
    static ObjectNode transaction(SimTrade trade, String appid) {
        String state = tradeState(trade);
        boolean paid = trade.paidAt() != null;
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("appid", appid);
        json.put("mchid", trade.merchantId());
        json.put("out_trade_no", trade.tradeNo());
        if (paid) {
            json.put("transaction_id", trade.channelTradeNo());
            json.put("trade_type", "NATIVE");
            json.put("bank_type", "OTHERS");
            json.put("success_time", WechatTime.format(trade.paidAt()));
            json.putObject("payer").put("openid", "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o");
        }
        json.put("trade_state", state);
        json.put(
                "trade_state_desc",
                switch (state) {
                    case "SUCCESS" -> "支付成功";
                    case "REFUND" -> "转入退款";
                    case "NOTPAY" -> "未支付";
                    default -> "订单已关闭";
                });
        if (trade.orderId() != null) {
            json.put("attach", trade.orderId());
        }
        long fen = WechatAmount.fen(trade.amount());
        ObjectNode amount = json.putObject("amount");
        amount.put("total", fen);
        if (paid) {
            amount.put("payer_total", fen);
        }
        amount.put("currency", "CNY");
        if (paid) {
            amount.put("payer_currency", "CNY");
        }
        return json;
    }

    /** The refund of the refund and refund query answers. */
    static ObjectNode refund(SimTrade trade, SimRefund refund) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("refund_id", refundId(refund));
        json.put("out_refund_no", refund.requestNo());
        json.put("transaction_id", trade.channelTradeNo());
        json.put("out_trade_no", trade.tradeNo());
        json.put("channel", "ORIGINAL");
        json.put("user_received_account", "支付用户零钱");
        json.put("success_time", WechatTime.format(refund.at()));
        json.put("create_time", WechatTime.format(refund.at()));
        json.put("status", "SUCCESS");
        json.put("funds_account", "AVAILABLE");
        json.set("amount", refundAmount(trade, refund));
        return json;
    }

    /** The resource of a refund notification: the refund, as WeChat Pay notifies it. */
    static ObjectNode refundNotice(SimTrade trade, SimRefund refund) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("mchid", trade.merchantId());
        json.put("out_trade_no", trade.tradeNo());
        json.put("transaction_id", trade.channelTradeNo());
        json.put("out_refund_no", refund.requestNo());
        json.put("refund_id", refundId(refund));
        json.put("refund_status", "SUCCESS");
        json.put("success_time", WechatTime.format(refund.at()));
        json.put("user_received_account", "支付用户零钱");
        ObjectNode amount = json.putObject("amount");
        long total = WechatAmount.fen(trade.amount());
        long refunded = WechatAmount.fen(refund.amount());
        amount.put("total", total)
                .put("refund", refunded)
                .put("payer_total", total)
                .put("payer_refund", refunded);
        return json;
    }

    private static ObjectNode refundAmount(SimTrade trade, SimRefund refund) {
        long total = WechatAmount.fen(trade.amount());
        long refunded = WechatAmount.fen(refund.amount());
        ObjectNode amount = JsonNodeFactory.instance.objectNode();
        amount.put("total", total)
                .put("refund", refunded)
                .put("payer_total", total)
                .put("payer_refund", refunded)
                .put("settlement_refund", refunded)
                .put("settlement_total", total)
                .put("discount_refund", 0)
                .put("currency", "CNY")
                .put("refund_fee", 0);
        return amount;
    }

    /** WeChat Pay's own refund number, fixed per refund request number. */
    private static String refundId(SimRefund refund) {
        return "50300"
                + String.format("%023d", Math.floorMod((long) refund.requestNo().hashCode(), 100_000_000_000L));
    }
}
