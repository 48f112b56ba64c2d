package io.tracewell.server.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracewell.server.cli.ExitCodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HashCommandTest {

    @TempDir
    Path dir;

    @Test
    void theSameEventHashesAlikeInJsonAndXmlOneLinePerEvent() throws IOException {
        Path json = Files.writeString(dir.resolve("e.jsonld"), ValidateCommandTest.VALID_JSON
                .replace("\"example:line\": \"L7\"", "\"example:line\": \"L7\""));
        Path xml = dir.resolve("e.xml");
        CliRun convert = CliRun.of("convert", "--to", "xml", "-o", xml.toString(), json.toString());

        CliRun fromJson = CliRun.of("hash", json.toString());
        CliRun fromXml = CliRun.of("hash", xml.toString());

        assertThat(convert.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(fromJson.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(fromJson.out().lines()).singleElement().asString()
                .matches("ni:///sha-256;[0-9a-f]{64}\\?ver=CBV2\\.0");
        assertThat(fromXml.out()).isEqualTo(fromJson.out());
    }

    @Test
    void prehashPrintsTheCanonicalString() throws IOException {
        Path json = Files.writeString(dir.resolve("e.jsonld"), ValidateCommandTest.VALID_JSON);

        CliRun run = CliRun.of("hash", "--prehash", json.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out().strip()).isEqualTo("eventType=ObjectEvent"
                + "eventTime=2024-03-01T08:58:00.000ZeventTimeZoneOffset=+01:00"
                + "epcListepc=https://id.gs1.org/01/04012345111118/21/1001"
                + "action=ADDbizStep=https://ref.gs1.org/cbv/BizStep-commissioning"
                + "{https://ns.example.com/epcis/}line=L7");
    }

    @Test
    void anotherDigestChangesTheId() throws IOException {
        Path json = Files.writeString(dir.resolve("e.jsonld"), ValidateCommandTest.VALID_JSON);

        CliRun run = CliRun.of("hash", "--algorithm", "sha-512", json.toString());
        CliRun bad = CliRun.of("hash", "--algorithm", "md5", json.toString());

        assertThat(run.out().strip()).matches("ni:///sha-512;[0-9a-f]{128}\\?ver=CBV2\\.0");
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err()).contains("unknown digest 'md5'");
    }

    @Test
    void anInvalidDocumentFailsWithItsLocation() throws IOException {
        Path json = Files.writeString(dir.resolve("e.jsonld"),
                ValidateCommandTest.VALID_JSON.replace("\"+01:00\"", "\"+1:00\""));

        CliRun run = CliRun.of("hash", json.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("/epcisBody/eventList/0/eventTimeZoneOffset");
    }
}
