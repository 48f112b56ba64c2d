package io.tracewell.epcis.hash;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CodePointOrderTest {

    @Test
    void supplementaryCharactersSortAfterTheEndOfTheBasicPlane() {
        String privateUse = "{ns}x=\uE000";
        String emoji = "{ns}x=\uD83D\uDE00"; // U+1F600
        // UTF-16 order would put the emoji first; UTF-8 / code point order puts it last.
        assertThat(privateUse.compareTo(emoji)).isPositive();
        assertThat(CodePointOrder.INSTANCE.compare(privateUse, emoji)).isNegative();
        assertThat(CodePointOrder.sortedConcat(new ArrayList<>(List.of(emoji, privateUse))))
                .isEqualTo(privateUse + emoji);
    }

    @Test
    void orderIsCaseSensitiveAndByCharacterValue() {
        List<String> members = new ArrayList<>(List.of("epc=b", "epc=B", "epc=a", "epc=10", "epc=9", "epc=a-b"));
        assertThat(CodePointOrder.sortedConcat(members)).isEqualTo("epc=10epc=9epc=Bepc=aepc=a-bepc=b");
    }

    @Test
    void aPrefixSortsFirst() {
        assertThat(CodePointOrder.INSTANCE.compare("abc", "abcd")).isNegative();
        assertThat(CodePointOrder.INSTANCE.compare("abc", "abc")).isZero();
    }
}
