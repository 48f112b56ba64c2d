package io.tracewell.server.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracewell.server.cli.ExitCodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

    static final String VALID_JSON = """
            {
              "@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",
                           {"example": "https://ns.example.com/epcis/"}],
              "type": "EPCISDocument",
              "schemaVersion": "2.0",
              "creationDate": "2024-03-01T10:00:00Z",
              "epcisBody": {
                "eventList": [
                  {
                    "type": "ObjectEvent",
                    "eventTime": "2024-03-01T09:58:00.000+01:00",
                    "eventTimeZoneOffset": "+01:00",
                    "epcList": ["urn:epc:id:sgtin:4012345.011111.1001"],
                    "action": "ADD",
                    "bizStep": "commissioning",
                    "example:line": "L7"
                  }
                ]
              }
            }
            """;

    static final String VALID_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2" schemaVersion="2.0"
                creationDate="2024-03-01T10:00:00Z">
              <EPCISBody>
                <EventList>
                  <ObjectEvent>
                    <eventTime>2024-03-01T09:58:00.000+01:00</eventTime>
                    <eventTimeZoneOffset>+01:00</eventTimeZoneOffset>
                    <epcList><epc>urn:epc:id:sgtin:4012345.011111.1001</epc></epcList>
                    <action>ADD</action>
                  </ObjectEvent>
                </EventList>
              </EPCISBody>
            </epcis:EPCISDocument>
            """;

    @TempDir
    Path dir;

    @Test
    void validDocumentsInBothFormatsExitZero() throws IOException {
        Path json = write("ok.jsonld", VALID_JSON);
        Path xml = write("ok.xml", VALID_XML);

        CliRun run = CliRun.of("validate", json.toString(), xml.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains(json + ": valid", xml + ": valid");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void anInvalidFileMakesTheRunFailAndEachViolationNamesFileAndLocation() throws IOException {
        Path good = write("ok.jsonld", VALID_JSON);
        Path bad = write("bad.jsonld", VALID_JSON.replace("\"action\": \"ADD\"", "\"action\": \"ADDED\""));

        CliRun run = CliRun.of("validate", good.toString(), bad.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.out()).contains(good + ": valid").doesNotContain(bad + ": valid");
        assertThat(run.err()).contains(bad + ": /epcisBody/eventList/0/action").contains("ADDED")
                .contains(bad + ": invalid");
    }

    @Test
    void xmlViolationsCarryLineAndColumn() throws IOException {
        Path bad = write("bad.xml", VALID_XML.replace("<eventTimeZoneOffset>+01:00", "<eventTimeZoneOffset>01:00"));

        CliRun run = CliRun.of("validate", bad.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).containsPattern(java.util.regex.Pattern.quote(bad.toString())
                + ": line 8, column \\d+: .*01:00");
    }

    @Test
    void aMissingFileIsAnIoError() {
        CliRun run = CliRun.of("validate", dir.resolve("absent.json").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.IO_ERROR);
        assertThat(run.err()).contains("absent.json: no such file");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
