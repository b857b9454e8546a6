INSERT INTO t_order (id, status, pay_expire_time) VALUES (2, 40, TIMESTAMP '2020-01-01 00:00:00');
