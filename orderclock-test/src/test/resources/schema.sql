CREATE TABLE t_order (id BIGINT PRIMARY KEY, status INT NOT NULL, pay_expire_time TIMESTAMP(3) NOT NULL,
                      close_time TIMESTAMP(3));
CREATE INDEX t_order_expire_idx ON t_order (pay_expire_time, id);
