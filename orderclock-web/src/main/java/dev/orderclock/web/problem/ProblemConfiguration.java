package dev.orderclock.web.problem;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Web plumbing that answers with problem documents outside a controller: the body size limit, the
 * query string check, and Tomcat's error report for requests refused before they reach Spring.
 */
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

    /** Right after the body limit: a query that does not decode is refused before anyone reads it. */
    @Bean
    FilterRegistrationBean<QueryStringFilter> queryString(
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
        FilterRegistrationBean<QueryStringFilter> registration =
                new FilterRegistrationBean<>(new QueryStringFilter(problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    /**
     * Puts {@link ProblemReportValve} in place of every {@link ErrorReportValve} on the host (Tomcat's
     * default and the one Spring Boot adds), and names it the host's error report valve so that
     * Tomcat adds no other at start. Last, after Spring Boot's own customizers have added theirs.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReportValve() {
        return new OrderedProblemReports();
    }

    private static final class OrderedProblemReports
            implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    host.setErrorReportValveClass(ProblemReportValve.class.getName());
                    for (Valve valve : host.getPipeline().getValves()) {
                        if (valve instanceof ErrorReportValve && !(valve instanceof ProblemReportValve)) {
                            host.getPipeline().removeValve(valve);
                        }
                    }
                    host.getPipeline().addValve(new ProblemReportValve());
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
