package dev.orderclock.test;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Put next to {@code @SpringBootTest}: the orderclock engine runs on a {@link TestClock} and never
 * on its own threads; a test method takes an {@link OrderClockDriver} (or the {@link TestClock}) as
 * a parameter and moves time itself:
 *
 * <pre>{@code
 * @SpringBootTest
 * @OrderClockTest
 * class UnpaidOrderTest {
 *     @Test
 *     void an_unpaid_order_is_closed_after_30_minutes(OrderClockDriver orderclock) {
 *         long id = shop.placeOrder(...);
 *         orderclock.advance(Duration.ofMinutes(30));
 *         assertThat(shop.status(id)).isEqualTo(CLOSED);
 *     }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Import(OrderClockTestConfiguration.class)
// The wheel rounds a due time up to its tick so that nothing fires early; a 1 ms tick makes "at its
// expiry" exact for millisecond columns, and costs nothing with no ticker thread.
@TestPropertySource(properties = "orderclock.engine.tick=1ms")
@ExtendWith(OrderClockExtension.class)
public @interface OrderClockTest {}
