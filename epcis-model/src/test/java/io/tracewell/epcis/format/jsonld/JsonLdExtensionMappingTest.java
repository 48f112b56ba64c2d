package io.tracewell.epcis.format.jsonld;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracewell.epcis.model.Datatypes;
import io.tracewell.epcis.model.EpcisEvent;
import io.tracewell.epcis.model.ExtensionAttribute;
import io.tracewell.epcis.model.ExtensionElement;
import io.tracewell.epcis.model.ExtensionElement.Complex;
import io.tracewell.epcis.model.ExtensionElement.Nil;
import io.tracewell.epcis.model.ExtensionElement.Simple;
import java.util.List;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;

/** The extension mapping table of docs/formats.md, one row at a time, from extensions.jsonld. */
class JsonLdExtensionMappingTest {
    private static final String EX = "https://ns.example.com/epcis/";

    private static final List<ExtensionElement> READ =
            JsonLd.resource("extensions.jsonld").events().get(0).extensions();

    private static QName ex(String local) {
        return new QName(EX, local);
    }

    private static ExtensionElement only(QName name) {
        List<ExtensionElement> found = READ.stream().filter(e -> e.name().equals(name)).toList();
        assertThat(found).as(name.toString()).hasSize(1);
        return found.get(0);
    }

    private static ExtensionElement simple(QName name, String lexical, QName type) {
        return new ExtensionElement(name, List.of(), new Simple(lexical, type));
    }

    @Test
    void aStringIsUntypedText() {
        assertThat(only(ex("text"))).isEqualTo(simple(ex("text"), "text", null));
        assertThat(only(ex("empty"))).isEqualTo(simple(ex("empty"), "", null));
    }

    @Test
    void numbersKeepTheirLexicalFormAndGetTheirDatatypeFromIt() {
        assertThat(only(ex("integer"))).isEqualTo(simple(ex("integer"), "12", Datatypes.INTEGER));
        assertThat(only(ex("decimal"))).isEqualTo(simple(ex("decimal"), "12.50", Datatypes.DECIMAL));
        assertThat(only(ex("double"))).isEqualTo(simple(ex("double"), "1.5E3", Datatypes.DOUBLE));
    }

    @Test
    void aBooleanIsXsdBoolean() {
        assertThat(only(ex("boolean"))).isEqualTo(simple(ex("boolean"), "true", Datatypes.BOOLEAN));
    }

    @Test
    void aValueObjectKeepsItsDatatype() {
        assertThat(only(ex("dateTime"))).isEqualTo(simple(ex("dateTime"), "2013-06-08T14:58:56.591Z",
                new QName(Datatypes.XSD_NS, "dateTime")));
        assertThat(only(ex("doubleAsString"))).isEqualTo(simple(ex("doubleAsString"), "20", Datatypes.DOUBLE));
        assertThat(only(ex("customType"))).isEqualTo(simple(ex("customType"), "abc", ex("code")));
        assertThat(only(ex("plainString"))).as("xsd:string is an untyped value")
                .isEqualTo(simple(ex("plainString"), "s", null));
    }

    @Test
    void nullIsNil() {
        assertThat(only(ex("nil"))).isEqualTo(new ExtensionElement(ex("nil"), List.of(), new Nil()));
    }

    @Test
    void anObjectHoldsChildElementsAndUnprefixedKeysAreUnqualified() {
        assertThat(only(ex("object"))).isEqualTo(ExtensionElement.of(ex("object"), List.of(
                ExtensionElement.text(ex("a"), "1"), ExtensionElement.text(new QName("b"), "2"))));
    }

    @Test
    void anArrayIsTheElementRepeated() {
        List<ExtensionElement> repeated = READ.stream().filter(e -> e.name().equals(ex("repeated"))).toList();
        assertThat(repeated).containsExactly(
                ExtensionElement.text(ex("repeated"), "1"),
                ExtensionElement.text(ex("repeated"), "2"),
                ExtensionElement.of(ex("repeated"), List.of(ExtensionElement.text(ex("c"), "3"))));
    }

    @Test
    void atKeysAreAttributesAndHashTextIsTheTextBesideThem() {
        ExtensionAttribute unit = new ExtensionAttribute(ex("unit"), "KGM");
        assertThat(only(ex("withAttribute"))).isEqualTo(
                new ExtensionElement(ex("withAttribute"), List.of(unit), new Simple("12", Datatypes.INTEGER)));
        assertThat(only(ex("attributesAndChildren"))).isEqualTo(new ExtensionElement(ex("attributesAndChildren"),
                List.of(unit, new ExtensionAttribute(new QName("plain"), "x")),
                new Complex(List.of(ExtensionElement.text(ex("child"), "y")))));
        assertThat(only(ex("attributeAndNil"))).isEqualTo(
                new ExtensionElement(ex("attributeAndNil"), List.of(unit), new Nil()));
    }

    @Test
    void absoluteIriKeysSplitAfterTheLastSlashHashOrColon() {
        assertThat(only(new QName("https://iri.example.com/ns/", "iriField")))
                .isEqualTo(ExtensionElement.text(new QName("https://iri.example.com/ns/", "iriField"),
                        "absolute IRI key"));
        assertThat(only(new QName("urn:example:urnns:", "urnField")).value())
                .isEqualTo(new Simple("URN key", null));
    }

    @Test
    void typeCoercionInTheContextTypesStringValues() {
        assertThat(only(new QName("urn:example:ext2:", "count")).value())
                .isEqualTo(new Simple("42", Datatypes.INTEGER));
        assertThat(only(new QName("urn:example:ext2:", "flag")).value())
                .isEqualTo(new Simple("true", Datatypes.BOOLEAN));
    }

    @Test
    void anEventContextAndTheStandardPrefixesResolve() {
        assertThat(only(new QName("https://event.example.com/vocab#", "local")).value())
                .isEqualTo(new Simple("declared in the event", null));
        assertThat(only(new QName("http://www.w3.org/2000/01/rdf-schema#", "comment")).value())
                .isEqualTo(new Simple("a standard prefix", null));
    }

    @Test
    void theElementsKeepDocumentOrderAndTheWrittenPrefix() {
        assertThat(READ.get(0).name().getPrefix()).isEqualTo("ex");
        assertThat(READ.stream().map(e -> e.name().getLocalPart()).toList()).startsWith(
                "text", "integer", "decimal", "double", "boolean", "dateTime");
        assertThat(READ).hasSize(24);
    }

    @Test
    void everyShapeSurvivesWritingAndReadingAgain() {
        var doc = JsonLd.resource("extensions.jsonld");
        EpcisEvent again = JsonLd.read(JsonLd.write(doc, false)).events().get(0);
        assertThat(again).isEqualTo(doc.events().get(0));
    }
}
