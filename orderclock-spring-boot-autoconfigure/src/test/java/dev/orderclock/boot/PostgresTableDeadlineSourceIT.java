package dev.orderclock.boot;

class PostgresTableDeadlineSourceIT extends TableDeadlineSourceContract {

    @Override
    ShopDatabase database() {
        return ShopDatabase.postgres();
    }
}
