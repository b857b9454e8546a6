package dev.orderclock.server.apidocs;

import dev.orderclock.web.identity.Caller;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import org.springframework.core.MethodParameter;
import org.springframework.web.method.HandlerMethod;

import java.util.Arrays;
import java.util.List;

/**
 * Who may call an operation, read from its {@link Caller} parameter as {@code CallerResolver} reads it:
 * {@code Caller} any identified caller, {@code Caller.Shopper} a shopper (or the operator naming one in
 * {@code X-User-Id}), {@code Caller.Operator} only the operator; with the 401 and 403 that follow.
 */
final class Security {

    static final String OPERATOR = "operator";
    static final String SHOPPER_JWT = "shopperJwt";
    static final String USER_HEADER = "userHeader";

    private Security() {}

    static Operation describe(Operation operation, HandlerMethod handler) {
        Class<?> caller = Arrays.stream(handler.getMethodParameters())
                .map(MethodParameter::getParameterType)
                .filter(Caller.class::isAssignableFrom)
                .findFirst()
                .orElse(null);
        if (caller == null) {
            return operation; // public, or a channel's notification signed in its own way
        }
        operation.setSecurity(requirements(caller));
        Problems.add(
                operation,
                401,
                "no identity, or a wrong one (a bad, expired or foreign token; X-User-Id from"
                        + " a peer that is not trusted)");
        if (caller == Caller.Operator.class) {
            Problems.add(operation, 403, "a shopper: only the operator may do this");
        } else if (caller == Caller.Shopper.class) {
            Problems.add(operation, 403, "the operator without X-User-Id naming the shopper");
        }
        return operation;
    }

    /**
     * The security chain's rules, which no controller parameter shows. {@code /sim/**}: a caller on this
     * machine (loopback) needs no credential, anyone else the operator's token (a route that asks for the
     * operator keeps that). {@code /actuator/prometheus}: the operator, unless on a separate management
     * port. {@code /actuator/health}: anyone; the operator sees its components.
     */
    static void describeChainRules(OpenAPI openApi) {
        SecurityRequirement anyone = new SecurityRequirement();
        SecurityRequirement operator = new SecurityRequirement().addList(OPERATOR);
        openApi.getPaths()
                .forEach((path, item) -> item.readOperations().forEach(operation -> {
                    if (path.startsWith("/sim/")) {
                        if (operation.getSecurity() == null) {
                            operation.setSecurity(List.of(anyone, operator));
                        }
                        Problems.add(
                                operation, 403, "a caller not on this machine (not loopback) and not the operator");
                    } else if (path.equals("/actuator/prometheus")) {
                        operation.setSecurity(List.of(operator));
                        Problems.add(operation, 401, "no operator token (on the service's port)");
                        Problems.add(operation, 403, "a shopper");
                    } else if (path.equals("/actuator/health")) {
                        operation.setSecurity(List.of(anyone, operator));
                    }
                }));
    }

    private static List<SecurityRequirement> requirements(Class<?> caller) {
        SecurityRequirement operator = new SecurityRequirement().addList(OPERATOR);
        SecurityRequirement jwt = new SecurityRequirement().addList(SHOPPER_JWT);
        SecurityRequirement header = new SecurityRequirement().addList(USER_HEADER);
        if (caller == Caller.Operator.class) {
            return List.of(operator);
        }
        if (caller == Caller.Shopper.class) {
            return List.of(
                    jwt, header, new SecurityRequirement().addList(OPERATOR).addList(USER_HEADER));
        }
        return List.of(operator, jwt, header);
    }
}
