package dev.orderclock.server.identity;

import dev.orderclock.server.OrderclockApplication;
import dev.orderclock.server.testing.Api;
import dev.orderclock.server.testing.Shop;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who the server believes (issue 14, findings 1, 3 and 9). Callers that are not on this machine are
 * MockMvc requests with another {@code remoteAddr}; no traffic leaves loopback.
 */
@SpringBootTest(
        classes = OrderclockApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:orderclock-${random.uuid};DB_CLOSE_DELAY=-1",
            "orderclock.admin-token=" + Api.OPERATOR_TOKEN,
            "orderclock.identity.trusted-proxies=198.51.100.0/24",
            "orderclock.identity.gateway-secret=" + SecurityIT.GATEWAY_SECRET,
            "spring.security.oauth2.resourceserver.jwt.issuer-uri=" + ShopIdentityProvider.ISSUER
        })
@AutoConfigureMockMvc
@AutoConfigureObservability(tracing = false)
class SecurityIT {

    static final String GATEWAY_SECRET = "the-gateway-secret-of-at-least-32-characters";
    private static final String STRANGER = "203.0.113.7";
    private static final ShopIdentityProvider IDENTITY = ShopIdentityProvider.start();

    @DynamicPropertySource
    static void shopIdentityProvider(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", IDENTITY::publicKeyLocation);
    }

    @Autowired
    MockMvc mvc;

    @LocalServerPort
    int port;

    Shop shop;
    String sku;

    @BeforeEach
    void setUp() {
        shop = new Shop(new Api(port));
        sku = shop.product(100);
    }

    @Test
    void aUserIdFromAnUntrustedAddressIsRefusedSayingWhyAndCreatesNoOrder() throws Exception {
        String user = Shop.newUser();

        createOrder(from(STRANGER))
                .header("X-User-Id", user)
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://orderclock.dev/problems/unauthenticated"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(STRANGER)))
                .andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer")));

        assertThat(shop.available(sku)).isEqualTo(100);
        mvc.perform(get("/api/orders").header("X-User-Id", user))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.orders").isEmpty());
    }

    @Test
    void aUserIdFromLoopbackIsBelieved() throws Exception {
        String user = Shop.newUser();

        createOrder(from("127.0.0.1"))
                .header("X-User-Id", user)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.userId").value(user));
    }

    @Test
    void aUserIdFromATrustedProxyIsBelieved() throws Exception {
        createOrder(from("198.51.100.20")).header("X-User-Id", "u-behind-proxy").andExpect(status().isCreated());
    }

    @Test
    void theGatewaySecretMakesAUserIdBelievedFromAnywhere() throws Exception {
        createOrder(from(STRANGER))
                .header("X-User-Id", "u-gw")
                .header("X-Gateway-Secret", GATEWAY_SECRET)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.userId").value("u-gw"));
    }

    @Test
    void aWrongGatewaySecretIsRefused() throws Exception {
        createOrder(from(STRANGER))
                .header("X-User-Id", "u-gw")
                .header("X-Gateway-Secret", GATEWAY_SECRET + "-no")
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("X-Gateway-Secret")));
        assertThat(shop.available(sku)).isEqualTo(100);
    }

    @Test
    void aShopsJwtIdentifiesItsSubjectFromAnywhere() throws Exception {
        createOrder(from(STRANGER))
                .header("Authorization", "Bearer " + IDENTITY.tokenFor("u-jwt-1"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.userId").value("u-jwt-1"));
    }

    @Test
    void anExpiredJwtIsRefused() throws Exception {
        refusedBearer(IDENTITY.expiredTokenFor("u-jwt-2"), "expired");
    }

    @Test
    void aJwtFromAnotherIssuerIsRefused() throws Exception {
        refusedBearer(IDENTITY.tokenFromAnotherIssuerFor("u-jwt-3"), "iss");
    }

    @Test
    void aJwtSignedWithAnotherKeyIsRefused() throws Exception {
        refusedBearer(IDENTITY.tokenSignedWithAnotherKeyFor("u-jwt-4"), "");
    }

    @Test
    void aJwtWhoseSubjectIsNotAUserIdIsRefused() throws Exception {
        refusedBearer(IDENTITY.tokenFor("not a user id"), "sub claim");
    }

    @Test
    void aWrongBearerNeverFallsBackToTheUserHeader() throws Exception {
        createOrder(from("127.0.0.1"))
                .header("Authorization", "Bearer not-a-jwt-nor-the-token")
                .header("X-User-Id", "u-fallback")
                .andExpect(status().isUnauthorized());
        assertThat(shop.available(sku)).isEqualTo(100);
    }

    @Test
    void theOperatorsTokenWorksFromAnywhere() throws Exception {
        mvc.perform(get("/api/stats").with(from(STRANGER)).header("Authorization", "Bearer " + Api.OPERATOR_TOKEN))
                .andExpect(status().isOk());
    }

    @Test
    void theSimulatorRefusesAnAnonymousBuyerFromElsewhereAndTheOrderStaysUnpaid() throws Exception {
        String user = Shop.newUser();
        String order = shop.pendingOrder(user, sku, 1).path("id").asText();
        String tradeNo = new Api(port)
                .post("/api/orders/" + order + "/pay")
                .as(user)
                .send()
                .text("tradeNo");

        mvc.perform(post("/sim/trades/" + tradeNo + "/pay").with(from(STRANGER)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://orderclock.dev/problems/forbidden"));
        mvc.perform(get("/sim/notifications").with(from(STRANGER))).andExpect(status().isForbidden());
        mvc.perform(post("/sim/trades/" + tradeNo + "/pay")
                        .with(from(STRANGER))
                        .header("X-User-Id", user)
                        .header("X-Gateway-Secret", GATEWAY_SECRET))
                .andExpect(status().isForbidden());

        assertThat(shop.orderAsOperator(order).path("status").asText()).isEqualTo("PENDING_PAYMENT");
        mvc.perform(get("/sim/trades/" + tradeNo)
                        .with(from(STRANGER))
                        .header("Authorization", "Bearer " + Api.OPERATOR_TOKEN))
                .andExpect(status().isOk());
        mvc.perform(get("/sim/trades/" + tradeNo)).andExpect(status().isOk());
    }

    @Test
    void theContractAndItsBrowsableUiAnswerAStrangerWithoutIdentityAsTheDashboardDoes() throws Exception {
        mvc.perform(get("/v3/api-docs").with(from(STRANGER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/orders']").exists());
        mvc.perform(get("/swagger-ui/index.html").with(from(STRANGER))).andExpect(status().isOk());
        mvc.perform(get("/").with(from(STRANGER))).andExpect(status().isOk());
        // public, not a way round identity: a wrong bearer token is refused there as anywhere
        mvc.perform(get("/v3/api-docs").with(from(STRANGER)).header("Authorization", "Bearer not-a-token"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void theServiceStillPaysThroughBothSimulatedChannelsOverLoopback() {
        String user = Shop.newUser();
        Api api = new Api(port);

        for (String channel : new String[] {"alipay", "wechat"}) {
            String order = shop.pendingOrder(user, sku, 1).path("id").asText();
            String tradeNo = api.post("/api/orders/" + order + "/pay")
                    .as(user)
                    .json("{\"channel\":\"" + channel + "\"}")
                    .send()
                    .text("tradeNo");
            assertThat(api.post("/sim/trades/" + tradeNo + "/pay").send().status())
                    .as(channel)
                    .isEqualTo(200);
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(15))
                    .untilAsserted(() -> assertThat(
                                    shop.orderAsOperator(order).path("status").asText())
                            .as(channel)
                            .isEqualTo("PAID"));
        }
    }

    @Test
    void prometheusOnTheServicePortIsTheOperatorsOnly() throws Exception {
        mvc.perform(get("/actuator/prometheus").with(from("127.0.0.1")))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + IDENTITY.tokenFor("u-metrics")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/actuator/prometheus")
                        .with(from(STRANGER))
                        .header("Authorization", "Bearer " + Api.OPERATOR_TOKEN))
                .andExpect(status().isOk());
    }

    @Test
    void theDashboardAndHealthStayPublic() throws Exception {
        mvc.perform(get("/").with(from(STRANGER))).andExpect(status().isOk());
        mvc.perform(get("/actuator/health").with(from(STRANGER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.components").doesNotExist());
    }

    @Test
    void anAdminTokenOfTenCharactersStopsTheStartNamingTheProperty() {
        SpringApplication application = new SpringApplication(OrderclockApplication.class);

        assertThatThrownBy(() -> application.run(
                        "--server.port=0",
                        "--orderclock.admin-token=0123456789",
                        "--spring.datasource.url=jdbc:h2:mem:short-token;DB_CLOSE_DELAY=-1"))
                .rootCause()
                .hasMessageContaining("orderclock.admin-token")
                .hasMessageContaining("32");
    }

    private void refusedBearer(String token, String reason) throws Exception {
        createOrder(from(STRANGER))
                .header("Authorization", "Bearer " + token)
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("https://orderclock.dev/problems/unauthenticated"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(reason)));
        assertThat(shop.available(sku)).isEqualTo(100);
    }

    private CreateOrder createOrder(RequestPostProcessor from) {
        return new CreateOrder(post("/api/orders")
                .with(from)
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"items":[{"sku":"%s","quantity":1}],"payTimeoutSeconds":600}""".formatted(sku)));
    }

    /** A request to create an order, its headers still to be set. */
    private final class CreateOrder {
        private final MockHttpServletRequestBuilder request;

        CreateOrder(MockHttpServletRequestBuilder request) {
            this.request = request;
        }

        CreateOrder header(String name, String value) {
            request.header(name, value);
            return this;
        }

        ResultActions andExpect(org.springframework.test.web.servlet.ResultMatcher matcher) throws Exception {
            return mvc.perform(request).andExpect(matcher);
        }
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
