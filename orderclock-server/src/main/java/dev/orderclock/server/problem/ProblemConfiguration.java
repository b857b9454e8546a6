package dev.orderclock.server.problem;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExceptionResolver;

/** Web plumbing that answers with problem documents outside a controller: the body size limit. */
@Configuration(proxyBeanMethods = false)
public class ProblemConfiguration {

    /** 64 KiB: an order of 100 lines is about 5 KiB; anything much larger is a mistake or an attack. */
    public static final long MAX_BODY_BYTES = 64 * 1024;

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimit(
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
        FilterRegistrationBean<BodySizeLimitFilter> registration =
                new FilterRegistrationBean<>(new BodySizeLimitFilter(MAX_BODY_BYTES, problems));
        // Before any filter that might read the body (form content, request logging).
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
