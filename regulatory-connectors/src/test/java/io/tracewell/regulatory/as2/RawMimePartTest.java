package io.tracewell.regulatory.as2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class RawMimePartTest {

    @Test
    void partsAreTheExactBytesBetweenDelimitersWithoutTheLineBreakBeforeTheNext() {
        String body = "preamble\r\n"
                + "--b1\r\n"
                + "Content-Type: text/plain\r\n"
                + "\r\n"
                + "line one\r\n"
                + "line two\r\n"
                + "--b1\r\n"
                + "Content-Type: application/octet-stream\r\n"
                + "\r\n"
                + "--b1x is not a delimiter\n"
                + "--b1--\r\n"
                + "epilogue";

        List<RawMimePart> parts = RawMimePart.ofBody(bytes(body), "multipart/mixed; boundary=\"b1\"").parts();

        assertThat(parts).hasSize(2);
        assertThat(text(parts.get(0).raw())).isEqualTo("Content-Type: text/plain\r\n\r\nline one\r\nline two");
        assertThat(text(parts.get(0).body())).isEqualTo("line one\r\nline two");
        assertThat(text(parts.get(1).body())).isEqualTo("--b1x is not a delimiter");
        assertThat(parts.get(1).mediaType()).isEqualTo("application/octet-stream");
    }

    @Test
    void bareLineFeedsAreAcceptedAsLineBreaks() {
        String body = "--b\nContent-Type: text/plain\n\nhello\n--b--\n";

        List<RawMimePart> parts = RawMimePart.ofBody(bytes(body), "multipart/mixed; boundary=b").parts();

        assertThat(parts).hasSize(1);
        assertThat(text(parts.get(0).body())).isEqualTo("hello");
    }

    @Test
    void foldedHeadersAreUnfoldedAndParametersUnquoted() {
        RawMimePart part = RawMimePart.parse(bytes("Content-Type: multipart/report;\r\n"
                + "\treport-type=disposition-notification;\r\n"
                + "  boundary=\"----=_Part;1\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n"
                + "\r\n"
                + "aGVsbG8=\r\n"));

        assertThat(part.mediaType()).isEqualTo("multipart/report");
        assertThat(part.contentTypeParameter("REPORT-TYPE")).isEqualTo("disposition-notification");
        assertThat(part.contentTypeParameter("boundary")).isEqualTo("----=_Part;1");
        assertThat(text(part.decodedBody())).isEqualTo("hello");
    }

    @Test
    void quotedPrintableBodiesAreDecoded() {
        RawMimePart part = RawMimePart.parse(bytes("Content-Transfer-Encoding: quoted-printable\r\n\r\n"
                + "M=C3=BCller =\r\nPharma"));

        assertThat(new String(part.decodedBody(), StandardCharsets.UTF_8)).isEqualTo("Müller Pharma");
    }

    @Test
    void multipartWithoutClosingDelimiterIsRefused() {
        RawMimePart entity = RawMimePart.ofBody(bytes("--b\r\n\r\ncut off"), "multipart/mixed; boundary=b");

        assertThatThrownBy(entity::parts).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("closing delimiter --b--");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
