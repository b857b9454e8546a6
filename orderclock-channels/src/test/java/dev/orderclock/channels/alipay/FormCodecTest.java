package dev.orderclock.channels.alipay;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FormCodecTest {

    @Test
    void roundTripsValuesWithReservedAndNonAsciiCharacters() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("subject", "绿茶 a+b=c&d%");
        params.put("fund_bill_list", "[{\"amount\":\"1.00\"}]");

        assertThat(FormCodec.decode(FormCodec.encode(params))).isEqualTo(params);
    }

    @Test
    void leavesOutEmptyValues() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("a", "");
        params.put("b", null);
        params.put("c", "1");

        assertThat(FormCodec.encode(params)).isEqualTo("c=1");
    }

    @Test
    void refusesWhatIsNotAForm() {
        for (String body :
                new String[] {"{\"trade_status\":\"TRADE_SUCCESS\"}", "a=1&a=2", "=1", "a=%zz", "a=1&&b=2"}) {
            assertThatThrownBy(() -> FormCodec.decode(body)).as(body).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
