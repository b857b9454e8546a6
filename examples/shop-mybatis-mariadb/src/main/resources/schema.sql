-- The shop's own schema: nothing of orderclock's. Status: 0 unpaid, 20 paid, 40 closed.
-- pay_expire_time is DATETIME(3) in UTC (orderclock binds and reads DATETIME columns as UTC).
CREATE TABLE IF NOT EXISTS t_order (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    sku_id          BIGINT      NOT NULL,
    quantity        INT         NOT NULL,
    status          TINYINT     NOT NULL DEFAULT 0,
    pay_expire_time DATETIME(3) NOT NULL,
    close_time      DATETIME(3) NULL,
    close_reason    VARCHAR(32) NULL,
    INDEX idx_order_status_expire (status, pay_expire_time)
) ENGINE = InnoDB;

CREATE TABLE IF NOT EXISTS t_stock (
    sku_id    BIGINT PRIMARY KEY,
    available INT NOT NULL
) ENGINE = InnoDB;

-- One row per stock return, so that a test can count that each order's stock came back once.
CREATE TABLE IF NOT EXISTS t_stock_return (
    order_id BIGINT NOT NULL,
    sku_id   BIGINT NOT NULL,
    quantity INT    NOT NULL
) ENGINE = InnoDB;
