package dev.orderclock.channels.wechat;

import org.junit.jupiter.api.Test;

import java.security.GeneralSecurityException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiV3CipherTest {

    private final ApiV3Cipher cipher = new ApiV3Cipher("0123456789abcdefghijklmnopqrstuv");

    @Test
    void decryptsWhatItEncryptedUnderTheSameNonceAndAssociatedData() throws Exception {
        String ciphertext = cipher.encrypt("transaction", "fdasflkja484", "{\"out_trade_no\":\"T_1\"}");

        assertThat(cipher.decrypt("transaction", "fdasflkja484", ciphertext)).isEqualTo("{\"out_trade_no\":\"T_1\"}");
    }

    @Test
    void refusesAnotherKeyAnotherNonceOtherAssociatedDataOrATamperedCiphertext() {
        String ciphertext = cipher.encrypt("transaction", "fdasflkja484", "{\"amount\":1998}");
        ApiV3Cipher other = new ApiV3Cipher("vutsrqponmlkjihgfedcba9876543210");
        String tampered = (ciphertext.charAt(0) == 'A' ? "B" : "A") + ciphertext.substring(1);

        assertThatThrownBy(() -> other.decrypt("transaction", "fdasflkja484", ciphertext))
                .isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> cipher.decrypt("transaction", "fdasflkja485", ciphertext))
                .isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> cipher.decrypt("refund", "fdasflkja484", ciphertext))
                .isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> cipher.decrypt("transaction", "fdasflkja484", tampered))
                .isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> cipher.decrypt("transaction", "fdasflkja484", "not base64!"))
                .isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void anApiV3KeyIsThirtyTwoCharacters() {
        assertThatThrownBy(() -> new ApiV3Cipher("short"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("short");
    }
}
