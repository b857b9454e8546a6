package dev.orderclock.simulator.alipay;

import dev.orderclock.simulator.ConditionalOnSimulator;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /sim/alipay/gateway.do}: Alipay's gateway path under the simulator's prefix. Parameters
 * come from the query string and the form body alike, as the SDK splits them; the answer is
 * {@code text/html;charset=utf-8}, as Alipay's is.
 */
@RestController
@ConditionalOnSimulator
class AlipayGatewayController {

    private static final MediaType ALIPAY_ANSWER = MediaType.parseMediaType("text/html;charset=utf-8");

    private final AlipayGateway gateway;

    AlipayGatewayController(AlipayGateway gateway) {
        this.gateway = gateway;
    }

    @PostMapping(SimulatedAlipayKeys.GATEWAY_PATH)
    ResponseEntity<String> call(HttpServletRequest request) {
        Map<String, String> params = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> params.put(name, values.length == 0 ? "" : values[0]));
        String payUrlPrefix = ServletUriComponentsBuilder.fromContextPath(request)
                .path("/sim/trades/")
                .toUriString();
        return ResponseEntity.ok().contentType(ALIPAY_ANSWER).body(gateway.handle(params, payUrlPrefix));
    }
}
