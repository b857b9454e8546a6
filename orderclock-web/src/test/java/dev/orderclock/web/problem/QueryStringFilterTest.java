package dev.orderclock.web.problem;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class QueryStringFilterTest {

    @ParameterizedTest
    @ValueSource(
            strings = {"limit=10", "status=PENDING_PAYMENT&limit=5", "q=%E4%B8%AD", "a=%2B%2f", "a=", "&&", "a=b+c"})
    void aQueryThatDecodesPasses(String query) {
        assertThat(QueryStringFilter.decodes(query)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"status=%zz", "a=%", "a=%4", "a=%4g", "a=%C3%28", "a=%FF", "a=%E4%B8"})
    void aQueryWithABadEscapeOrBytesThatAreNotUtf8Fails(String query) {
        assertThat(QueryStringFilter.decodes(query)).isFalse();
    }
}
