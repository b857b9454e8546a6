package dev.orderclock.bench.starter;

import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;

/** The closing transaction as the starter's auto-configuration makes it, for both contenders alike. */
final class Closing {

    private Closing() {}

    /** A new transaction; READ COMMITTED on MariaDB (no gap locks), 30 s timeout (orderclock.engine.batch-timeout). */
    static TransactionTemplate transactions(DataSource dataSource, ShopTable.Database database) {
        TransactionTemplate template = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        if (database == ShopTable.Database.MARIADB) {
            template.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        }
        template.setTimeout(30);
        return template;
    }
}
