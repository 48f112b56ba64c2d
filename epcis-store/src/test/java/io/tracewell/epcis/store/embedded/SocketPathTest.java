package io.tracewell.epcis.store.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SocketPathTest {

    private static final Path TMP = Path.of("/tmp");

    @Test
    void aShortPathBesideTheDataIsKept() {
        Path preferred = Path.of("/var/lib/tracewell/mariadb/mariadb.sock");

        assertThat(SocketPath.choose(preferred, TMP)).isEqualTo(preferred);
    }

    @Test
    void aPathOfExactly107BytesIsKeptAndOneOf108IsNot() {
        Path exactly = Path.of("/" + "a".repeat(106));
        Path tooLong = Path.of("/" + "a".repeat(107));

        assertThat(SocketPath.choose(exactly, TMP)).isEqualTo(exactly);
        assertThat(SocketPath.choose(tooLong, TMP)).isNotEqualTo(tooLong);
    }

    @Test
    void aLongPathFallsBackToAShortNameInTheTemporaryDirectoryDerivedFromTheDataDirectory() {
        Path deep = Path.of("/home/someone/" + "projects/".repeat(12) + "epcis-data/mariadb/mariadb.sock");
        Path other = Path.of("/home/someone/" + "projects/".repeat(12) + "other-data/mariadb/mariadb.sock");

        Path chosen = SocketPath.choose(deep, TMP);

        assertThat(chosen.getParent()).isEqualTo(TMP);
        assertThat(chosen.getFileName().toString()).matches("tracewell-[0-9a-f]{12}\\.sock");
        assertThat(chosen.toString().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(107);
        assertThat(SocketPath.choose(deep, TMP)).isEqualTo(chosen);
        assertThat(SocketPath.choose(other, TMP)).isNotEqualTo(chosen);
    }

    @Test
    void lengthIsCountedInBytesNotCharacters() {
        // 54 two-byte characters: 55 characters, 109 bytes with the slash.
        Path accented = Path.of("/" + "é".repeat(54));

        assertThat(SocketPath.fits(accented)).isFalse();
    }
}
