package dev.orderclock.channels.wechat;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuthorizationTest {

    @Test
    void readsBackTheHeaderItWrites() {
        Authorization written = new Authorization(
                "1900000109",
                "593BEC0C930BF1AFEB40B4A08C8FB242",
                "1554208460",
                "408B07E79B8269FEC3D5D3E6AB8ED163A6A380DB",
                "uOVRnA4qG/MNnYzdQxJanN+zU+lTgIcnU9BxGw5dKjK+VdEUz2FeIoC+D5sB/LN+nGzX3hfZg6r5wT1pl2ZobmIc6p0ldN7J6yDgUzbX8Uk3sD4a4eZVPTBvqNDoUqcYMlZ9uuDdCvNv4TM3c1WzsXUrExwVkI1XO5jCNbgDJ25nkT/c1gIFvqoogl7MdSFGc4W4xZsqCItnqbypR3RuGIlR9h9vlRsy7zJR9PBI83X8alLDIfR1ukt1P7tMnmogZ0cuDY8cZsd8ZlCgLadmvej58SLsIkVxFJ8XmqS+fXOqD8O8gbsC5aPCnN0KEJcD2/7a/vvV6vzFXtbUwIr2RA==");

        assertThat(written.header())
                .startsWith(
                        "WECHATPAY2-SHA256-RSA2048 mchid=\"1900000109\",nonce_str=\"593BEC0C930BF1AFEB40B4A08C8FB242\"");
        assertThat(Authorization.parse(written.header())).contains(written);
    }

    @Test
    void refusesAnotherSchemeAMissingParameterOrTrailingText() {
        assertThat(Authorization.parse(null)).isEmpty();
        assertThat(Authorization.parse("WECHATPAY2-SHA256-RSA2048")).isEmpty();
        assertThat(Authorization.parse("Bearer abc")).isEmpty();
        assertThat(Authorization.parse(
                        "WECHATPAY2-SHA256-RSA2048 mchid=\"1\",nonce_str=\"n\",timestamp=\"1\",serial_no=\"s\""))
                .isEmpty();
        assertThat(
                        Authorization.parse(
                                "WECHATPAY2-SHA256-RSA2048 mchid=\"1\",nonce_str=\"n\",timestamp=\"1\",serial_no=\"s\",signature=\"x\" junk"))
                .isEmpty();
    }
}
