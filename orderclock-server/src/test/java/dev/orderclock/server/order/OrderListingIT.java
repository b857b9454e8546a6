package dev.orderclock.server.order;

import dev.orderclock.server.testing.Reply;
import dev.orderclock.server.testing.RunningServer;
import dev.orderclock.server.testing.Shop;
import dev.orderclock.server.testing.ShopperFixture;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static dev.orderclock.server.testing.ReplyAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

@RunningServer
class OrderListingIT extends ShopperFixture {

    @Override
    protected int stock() {
        return 100;
    }

    @Test
    void aShopperSeesOnlyItsOwnOrdersNewestFirst() {
        List<String> placed = place(user, 3);
        shop.pendingOrder(Shop.newUser(), sku, 1);

        Reply reply = api.get("/api/orders").as(user).send();

        assertThat(ids(reply)).containsExactly(placed.get(2), placed.get(1), placed.get(0));
    }

    @Test
    void theCursorWalksThroughEveryPageOnce() {
        List<String> placed = place(user, 5);

        List<String> seen = new ArrayList<>();
        String cursor = "";
        int pages = 0;
        do {
            Reply page =
                    api.get("/api/orders?limit=2&cursor=" + cursor).as(user).send();
            seen.addAll(ids(page));
            cursor = page.json().path("nextCursor").asText("");
            pages++;
        } while (!cursor.isEmpty() && pages < 10);

        Collections.reverse(placed);
        assertThat(seen).containsExactlyElementsOf(placed);
    }

    @Test
    void theLastPageHasNoNextCursor() {
        place(user, 1);

        Reply reply = api.get("/api/orders?limit=5").as(user).send();

        assertThat(reply.json().path("nextCursor").isNull()).isTrue();
    }

    @Test
    void theStatusFilterKeepsOnlyThatStatus() {
        List<String> placed = place(user, 2);
        api.post("/api/orders/" + placed.get(0) + "/cancel").as(user).send();

        Reply reply = api.get("/api/orders?status=CLOSED").as(user).send();

        assertThat(ids(reply)).containsExactly(placed.get(0));
    }

    @Test
    void anOperatorSeesEveryUsersOrders() {
        String mine = place(user, 1).get(0);
        String theirs = place(Shop.newUser(), 1).get(0);

        Reply reply = api.get("/api/orders?limit=500").asOperator().send();

        assertThat(ids(reply)).contains(mine, theirs);
    }

    @Test
    void emptyParametersMeanTheDefaults() {
        place(user, 1);

        Reply reply = api.get("/api/orders?status=&limit=&cursor=").as(user).send();

        assertThat(reply).hasStatus(200);
    }

    private List<String> place(String who, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(shop.pendingOrder(who, sku, 1).path("id").asText());
        }
        return ids;
    }

    private static List<String> ids(Reply reply) {
        List<String> ids = new ArrayList<>();
        for (JsonNode order : reply.json().path("orders")) {
            ids.add(order.path("id").asText());
        }
        return ids;
    }
}
