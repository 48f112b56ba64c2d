package io.tracewell.server.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracewell.epcis.format.EpcisFormats;
import io.tracewell.epcis.model.EpcisDocument;
import io.tracewell.epcis.model.ExtensionElement;
import io.tracewell.epcis.model.ObjectEvent;
import io.tracewell.server.cli.ExitCodes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConvertCommandTest {

    @TempDir
    Path dir;

    @Test
    void jsonToXmlAndBackKeepsTheEvent() throws IOException {
        Path json = Files.writeString(dir.resolve("in.jsonld"), ValidateCommandTest.VALID_JSON);
        Path xml = dir.resolve("out.xml");
        Path back = dir.resolve("back.jsonld");

        CliRun toXml = CliRun.of("convert", "--to", "xml", "--out", xml.toString(), json.toString());
        CliRun toJson = CliRun.of("convert", "--to", "json", "-o", back.toString(), xml.toString());

        assertThat(toXml.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(toJson.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(xml)).contains("<epcis:EPCISDocument", "urn:epc:id:sgtin:4012345.011111.1001",
                "https://ns.example.com/epcis/");
        EpcisDocument original = read(json);
        EpcisDocument roundTripped = read(back);
        assertThat(roundTripped.events()).isEqualTo(original.events());
        ObjectEvent event = (ObjectEvent) roundTripped.events().get(0);
        assertThat(event.extensions()).extracting(ExtensionElement::name)
                .extracting(q -> q.getNamespaceURI() + q.getLocalPart())
                .containsExactly("https://ns.example.com/epcis/line");
    }

    @Test
    void malformedInputIsRejectedWithItsLocation() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.xml"), "<epcis:EPCISDocument xmlns:epcis=\"urn:epcglobal:epcis:xsd:2\" schemaVersion=\"2.0\"\n"
                + "    creationDate=\"2024-03-01T10:00:00Z\">\n<EPCISBody>\n</Oops>");

        CliRun run = CliRun.of("convert", "--to", "json", "--out", dir.resolve("o.json").toString(), bad.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("bad.xml: line 4, column 3: malformed XML");
    }

    @Test
    void theTargetFormatIsRequired() throws IOException {
        Path json = Files.writeString(dir.resolve("in.jsonld"), ValidateCommandTest.VALID_JSON);

        CliRun run = CliRun.of("convert", json.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("Missing required option: '--to=xml|json'");
    }

    private static EpcisDocument read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return EpcisFormats.readDocument(in);
        }
    }
}
