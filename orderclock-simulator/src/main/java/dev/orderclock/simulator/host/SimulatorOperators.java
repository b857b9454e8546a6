package dev.orderclock.simulator.host;

import dev.orderclock.simulator.Operator;
import dev.orderclock.web.identity.CallerResolver;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * The simulator's {@link Operator} parameter, resolved by the service's identity as a
 * {@code Caller.Operator} is: 401 without an identity, 403 for a shopper. A {@code @Configuration} in the
 * simulator's packages, so that the component scan of both hosts (the service's {@code SimulatorHosting} and
 * {@link dev.orderclock.simulator.SimulatorApplication}) registers it.
 */
@Configuration(proxyBeanMethods = false)
public class SimulatorOperators implements WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new Resolver());
    }

    static final class Resolver implements HandlerMethodArgumentResolver {

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == Operator.class;
        }

        @Override
        public Object resolveArgument(
                MethodParameter parameter,
                ModelAndViewContainer mav,
                NativeWebRequest webRequest,
                WebDataBinderFactory binderFactory) {
            CallerResolver.operator(SecurityContextHolder.getContext().getAuthentication());
            return new Operator();
        }
    }
}
