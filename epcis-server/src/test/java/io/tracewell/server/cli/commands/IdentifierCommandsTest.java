package io.tracewell.server.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tracewell.server.cli.ExitCodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdentifierCommandsTest {

    @TempDir
    Path dir;

    @Test
    void translatesAnEpcUrnToItsDigitalLink() {
        CliRun run = CliRun.of("translate", "urn:epc:id:sgtin:0614141.107346.2017");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out().strip()).isEqualTo("https://id.gs1.org/01/10614141073464/21/2017");
    }

    @Test
    void aDigitalLinkWithoutAKnownPrefixLengthIsNotGuessed() {
        CliRun run = CliRun.of("translate", "https://id.gs1.org/01/10614141073464/21/2017");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("no EPC URN (COMPANY_PREFIX_LENGTH_UNKNOWN)");
    }

    @Test
    void aDigitalLinkBecomesAUrnWithThePrefixLengthGivenOrFromATable() throws IOException {
        CliRun given = CliRun.of("translate", "--gcp-length", "7", "https://id.gs1.org/01/10614141073464/21/2017");
        Path table = Files.writeString(dir.resolve("gcp.txt"), "0614141=7\n");
        CliRun fromTable = CliRun.of("translate", "--prefix-lengths", table.toString(),
                "https://id.gs1.org/00/106141412345678908");

        assertThat(given.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(given.out().strip()).isEqualTo("urn:epc:id:sgtin:0614141.107346.2017");
        assertThat(fromTable.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(fromTable.out().strip()).isEqualTo("urn:epc:id:sscc:0614141.1234567890");
    }

    @Test
    void aMalformedUrnIsRejectedWithTheReason() {
        CliRun run = CliRun.of("translate", "urn:epc:id:sgtin:0614141.107346");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).startsWith("tracewell translate: ").contains("sgtin");
    }

    @Test
    void parsesABracketedElementStringIntoFields() throws IOException {
        CliRun run = CliRun.of("parse", "(01)09506000134352(17)251231(10)ABC123(21)123456");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("gtin").asText()).isEqualTo("09506000134352");
        assertThat(json.get("serial").asText()).isEqualTo("123456");
        assertThat(json.get("lot").asText()).isEqualTo("ABC123");
        assertThat(json.get("expiry").asText()).isEqualTo("2025-12-31");
        assertThat(json.get("elements")).hasSize(4);
        assertThat(json.get("digitalLink").asText())
                .isEqualTo("https://id.gs1.org/01/09506000134352/10/ABC123/21/123456?17=251231");
    }

    @Test
    void parsesARawScanWithGroupSeparatorsAndADigitalLinkAlike() throws IOException {
        CliRun raw = CliRun.of("parse", "]d20109506000134352" + "10ABC123\u001d" + "21123456");
        CliRun link = CliRun.of("parse", "https://id.gs1.org/01/09506000134352/10/ABC123/21/123456");

        JsonNode a = new ObjectMapper().readTree(raw.out());
        JsonNode b = new ObjectMapper().readTree(link.out());
        assertThat(raw.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(a.get("elementString").asText()).isEqualTo("(01)09506000134352(10)ABC123(21)123456");
        assertThat(b.get("elementString")).isEqualTo(a.get("elementString"));
    }

    @Test
    void aWrongCheckDigitIsReported() {
        CliRun run = CliRun.of("parse", "(01)09506000134353(21)1");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("GTIN check digit: expected 2, found 3");
    }
}
