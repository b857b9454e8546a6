package dev.orderclock.boot;

class MariaDbTableDeadlineSourceIT extends TableDeadlineSourceContract {

    @Override
    ShopDatabase database() {
        return ShopDatabase.mariadb();
    }
}
