package dev.orderclock.boot;

class H2TableDeadlineSourceIT extends TableDeadlineSourceContract {

    @Override
    ShopDatabase database() {
        return ShopDatabase.h2();
    }
}
