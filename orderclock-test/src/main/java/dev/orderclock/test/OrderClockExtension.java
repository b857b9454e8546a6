package dev.orderclock.test;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/** Hands the test's {@link OrderClockDriver} and {@link TestClock} to test methods, from the Spring context. */
public class OrderClockExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        Class<?> type = parameter.getParameter().getType();
        return type == OrderClockDriver.class || type == TestClock.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        OrderClockDriver driver =
                SpringExtension.getApplicationContext(extension).getBean(OrderClockDriver.class);
        return parameter.getParameter().getType() == TestClock.class ? driver.clock() : driver;
    }
}
