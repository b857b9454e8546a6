package dev.orderclock.jdbc;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * A data source that counts the statements prepared on its connections (the round trips a store call
 * costs) and the commits, which are one more round trip each.
 */
final class CountingDataSource {

    private final AtomicInteger prepared = new AtomicInteger();
    private final AtomicInteger commits = new AtomicInteger();
    private final DataSource dataSource;

    CountingDataSource(DataSource target) {
        this.dataSource = proxy(
                DataSource.class,
                target,
                (method, result) -> method.getName().equals("getConnection")
                        ? proxy(Connection.class, (Connection) result, (m, r) -> {
                            if (m.getName().startsWith("prepare") || m.getName().equals("createStatement")) {
                                prepared.incrementAndGet();
                            } else if (m.getName().equals("commit")) {
                                commits.incrementAndGet();
                            }
                            return r;
                        })
                        : result);
    }

    DataSource dataSource() {
        return dataSource;
    }

    /** Statements prepared since the last call. */
    int takeCount() {
        return prepared.getAndSet(0);
    }

    /** Commits since the last call. */
    int takeCommits() {
        return commits.getAndSet(0);
    }

    private interface AfterCall {
        Object apply(Method method, Object result);
    }

    private static <T> T proxy(Class<T> type, T target, AfterCall after) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            try {
                return after.apply(method, method.invoke(target, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }
}
