package io.tracewell.epcis.validation;

import static java.nio.charset.StandardCharsets.UTF_16BE;
import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DocumentFormatTest {

    private static Optional<DocumentFormat> detect(byte[] bytes) throws IOException {
        return DocumentFormat.detect(new ByteArrayInputStream(bytes));
    }

    @Test
    void tellsXmlAndJsonByTheirFirstCharacter() throws IOException {
        assertThat(detect("<?xml version=\"1.0\"?><a/>".getBytes(UTF_8))).contains(DocumentFormat.XML);
        assertThat(detect("{\"type\":\"EPCISDocument\"}".getBytes(UTF_8))).contains(DocumentFormat.JSON);
        assertThat(detect("[]".getBytes(UTF_8))).contains(DocumentFormat.JSON);
    }

    @Test
    void skipsWhiteSpaceAndByteOrderMarks() throws IOException {
        assertThat(detect(" \r\n\t {}".getBytes(UTF_8))).contains(DocumentFormat.JSON);
        assertThat(detect(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, ' ', '<'})).contains(DocumentFormat.XML);
        assertThat(detect(concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, "  <a/>".getBytes(UTF_16BE))))
                .contains(DocumentFormat.XML);
        assertThat(detect(concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, "\n{}".getBytes(UTF_16LE))))
                .contains(DocumentFormat.JSON);
    }

    @Test
    void findsNothingInEmptyOrOtherInput() throws IOException {
        assertThat(detect(new byte[0])).isEmpty();
        assertThat(detect("   ".getBytes(UTF_8))).isEmpty();
        assertThat(detect("type=EPCISDocument".getBytes(UTF_8))).isEmpty();
    }

    @Test
    void leavesTheStreamWhereItWas() throws IOException {
        InputStream in = new BufferedInputStream(new ByteArrayInputStream("  {\"a\":1}".getBytes(UTF_8)));
        assertThat(DocumentFormat.detect(in)).contains(DocumentFormat.JSON);
        assertThat(new String(in.readAllBytes(), UTF_8)).isEqualTo("  {\"a\":1}");
    }

    @Test
    void needsAStreamThatCanBeReset() {
        InputStream unmarkable = new InputStream() {
            @Override
            public int read() {
                return -1;
            }
        };
        assertThatThrownBy(() -> DocumentFormat.detect(unmarkable))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mark/reset");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
