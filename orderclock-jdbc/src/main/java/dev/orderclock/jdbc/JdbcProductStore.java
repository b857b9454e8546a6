package dev.orderclock.jdbc;

import dev.orderclock.stock.DuplicateSkuException;
import dev.orderclock.stock.Product;
import dev.orderclock.stock.ProductStore;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/** {@link ProductStore} over plain JDBC, on H2 or PostgreSQL; each call is one transaction. */
public final class JdbcProductStore implements ProductStore {

    private static final String COLUMNS = "sku, name, price, stock, available, sold";

    private static final String INSERT = """
            INSERT INTO products (sku, name, price, stock, available, sold)
            VALUES (?, ?, ?, ?, ?, 0)""";

    private static final String FIND = "SELECT " + COLUMNS + " FROM products WHERE sku = ?";

    private static final String RESTOCK = """
            UPDATE products SET stock = stock + ?, available = available + ?
             WHERE sku = ?""";

    private final Transactions transactions;
    private final String restock;

    public JdbcProductStore(DataSource dataSource) {
        this.transactions = new Transactions(dataSource);
        this.restock = SqlDialect.detect(dataSource).updateReturning(RESTOCK, COLUMNS);
    }

    @Override
    public Product create(String sku, String name, BigDecimal price, long stock) {
        BigDecimal cents = cents(price);
        if (stock < 0) {
            throw new IllegalArgumentException("stock must not be negative: " + stock);
        }
        return transactions.run("create product", connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setString(1, sku);
                insert.setString(2, name);
                insert.setBigDecimal(3, cents);
                insert.setLong(4, stock);
                insert.setLong(5, stock);
                insert.executeUpdate();
            } catch (SQLException e) {
                if (SqlStates.isUniqueViolation(e)) {
                    throw new DuplicateSkuException(sku);
                }
                throw e;
            }
            return new Product(sku, name, cents, stock, stock, 0);
        });
    }

    @Override
    public Optional<Product> find(String sku) {
        return transactions.run("find product", connection -> query(connection, FIND, sku, null));
    }

    @Override
    public Optional<Product> restock(String sku, long quantity) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("a restock adds a positive quantity: " + quantity);
        }
        return transactions.run("restock product", connection -> query(connection, restock, sku, quantity));
    }

    private static Optional<Product> query(Connection connection, String sql, String sku, Long added)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int index = 1;
            if (added != null) {
                statement.setLong(index++, added);
                statement.setLong(index++, added);
            }
            statement.setString(index, sku);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(product(row)) : Optional.empty();
            }
        }
    }

    private static Product product(ResultSet row) throws SQLException {
        return new Product(
                row.getString("sku"),
                row.getString("name"),
                row.getBigDecimal("price"),
                row.getLong("stock"),
                row.getLong("available"),
                row.getLong("sold"));
    }

    /** Money has two decimals; a price with more would be rounded by the column, so it is refused. */
    private static BigDecimal cents(BigDecimal price) {
        if (price.signum() < 0) {
            throw new IllegalArgumentException("price must not be negative: " + price);
        }
        try {
            return price.setScale(2, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("price has more than two decimals: " + price, e);
        }
    }
}
