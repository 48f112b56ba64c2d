package io.tracewell.epcis.format.xml;

import static io.tracewell.epcis.format.xml.XmlTestSupport.read;
import static io.tracewell.epcis.format.xml.XmlTestSupport.resource;
import static io.tracewell.epcis.format.xml.XmlTestSupport.text;
import static io.tracewell.epcis.format.xml.XmlTestSupport.validate;
import static io.tracewell.epcis.format.xml.XmlTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.tracewell.epcis.model.EpcisDocument;
import javax.xml.validation.Schema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Read, write, read again: the model must not change, and what is written must be schema-valid XML. */
class XmlRoundTripTest {
    private static Schema schema;

    @BeforeAll
    static void compileSchema() {
        schema = XmlTestSupport.projectSchema();
    }

    @ParameterizedTest
    @ValueSource(strings = {"all-fields.xml", "legacy-wrappers.xml", "legacy-flat.xml", "query-events.xml",
        "query-masterdata.xml", "bare-doctype.xml"})
    void writingAndReadingAgainGivesAnEqualModel(String name) {
        EpcisDocument original = read(resource(name));
        for (boolean indent : new boolean[] {false, true}) {
            byte[] written = write(original, indent);

            assertThat(read(written)).as("%s written with indent=%s", name, indent).isEqualTo(original);
            assertThat(validate(schema, written)).as("schema validation of %s written with indent=%s:%n%s",
                    name, indent, text(written)).isNull();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"all-fields.xml", "query-events.xml"})
    void writingIsDeterministicAndStable(String name) {
        byte[] once = write(read(resource(name)), true);
        byte[] twice = write(read(once), true);
        assertThat(text(twice)).isEqualTo(text(once));
    }
}
