package io.tracewell.epcis.format;

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

class FormatTest {

    private static Optional<Format> detect(byte[] bytes) throws IOException {
        return Format.sniff(new ByteArrayInputStream(bytes));
    }

    @Test
    void tellsXmlAndJsonByTheirFirstCharacter() throws IOException {
        assertThat(detect("<?xml version=\"1.0\"?><a/>".getBytes(UTF_8))).contains(Format.XML);
        assertThat(detect("{\"type\":\"EPCISDocument\"}".getBytes(UTF_8))).contains(Format.JSON_LD);
        assertThat(detect("[]".getBytes(UTF_8))).contains(Format.JSON_LD);
    }

    @Test
    void skipsWhiteSpaceAndByteOrderMarks() throws IOException {
        assertThat(detect(" \r\n\t {}".getBytes(UTF_8))).contains(Format.JSON_LD);
        assertThat(detect(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, ' ', '<'})).contains(Format.XML);
        assertThat(detect(concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, "  <a/>".getBytes(UTF_16BE))))
                .contains(Format.XML);
        assertThat(detect(concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, "\n{}".getBytes(UTF_16LE))))
                .contains(Format.JSON_LD);
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
        assertThat(Format.sniff(in)).contains(Format.JSON_LD);
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
        assertThatThrownBy(() -> Format.sniff(unmarkable))
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
