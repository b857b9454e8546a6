-- orderclock schema, version 4, PostgreSQL. On H2 this version re-keys the confirm-deadline index so
-- that closing unpaid orders no longer moves its entries. Here the index is partial (WHERE status =
-- 'SHIPPED') and holds shipped orders only, so nothing changes but its description.
COMMENT ON INDEX orders_confirm_due IS 'shipped orders by confirm deadline: the auto-confirm scan and claim';
