package dev.orderclock.web.identity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class AdminTokenTest {

    @Test
    void theConfiguredTokenMatches() {
        assertThat(new AdminToken("s3cret").matches("s3cret")).isTrue();
    }

    @Test
    void anyOtherTokenDoesNot() {
        AdminToken token = new AdminToken("s3cret");

        assertThat(token.matches("s3cret ")).isFalse();
        assertThat(token.matches("S3CRET")).isFalse();
        assertThat(token.matches("")).isFalse();
        assertThat(token.matches(null)).isFalse();
    }

    @Test
    void aBlankTokenIsNeverAccepted() {
        assertThatIllegalArgumentException().isThrownBy(() -> new AdminToken("  "));
    }

    @Test
    void generatedTokensAreLongAndDifferEachTime() {
        String first = AdminToken.generate();

        assertThat(first).hasSizeGreaterThanOrEqualTo(43).isNotEqualTo(AdminToken.generate());
    }

    @Test
    void theTokenNeverShowsInItsText() {
        assertThat(new AdminToken("s3cret")).asString().doesNotContain("s3cret");
    }

    @Test
    void aConfiguredTokenShorterThanThirtyTwoCharactersIsRefusedNamingTheProperty() {
        assertThatIllegalStateException()
                .isThrownBy(() -> AdminToken.configured("a".repeat(31)))
                .withMessageContaining("orderclock.admin-token")
                .withMessageNotContaining("aaaa");
        assertThat(AdminToken.configured("a".repeat(32)).matches("a".repeat(32)))
                .isTrue();
    }
}
