package io.tracewell.epcis.format.jsonld;

import io.tracewell.epcis.model.ExtensionElement.Simple;
import io.tracewell.epcis.model.Vocabulary;
import io.tracewell.epcis.model.VocabularyAttribute;
import io.tracewell.epcis.model.VocabularyElement;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code vocabularyList} (EPCIS 2.0 §10; the ratified JSON schema's {@code vocabulary}, {@code vocabularyElement}
 * and {@code attribute}) to the model. An attribute's value uses the extension mapping (docs/formats.md,
 * "Master data").
 */
final class MasterDataReader {
    private MasterDataReader() {
    }

    static List<Vocabulary> vocabularies(JsonValue list, JsonPath path, ReadContext ctx) {
        if (!(list instanceof JsonValue.Arr arr)) {
            throw path.error(list, "'vocabularyList' is " + list.kind(), "an array of vocabularies");
        }
        List<Vocabulary> out = new ArrayList<>(arr.items().size());
        for (int i = 0; i < arr.items().size(); i++) {
            Members v = Members.of(arr.items().get(i), path.child(i), ctx, "a vocabulary");
            List<VocabularyElement> elements = new ArrayList<>();
            for (Members e : v.objects("vocabularyElementList")) {
                elements.add(element(e));
            }
            out.add(new Vocabulary(v.requiredString("type"), elements, v.extensions(EpcisMembers.VOCABULARY)));
        }
        return out;
    }

    private static VocabularyElement element(Members e) {
        List<VocabularyAttribute> attributes = new ArrayList<>();
        for (Members a : e.objects("attributes")) {
            a.onlyMembers(EpcisMembers.ATTRIBUTE);
            String id = a.requiredString("id");
            JsonValue value = a.get("attribute");
            // An attribute without a value is the XML <attribute id="..."/>: empty text.
            attributes.add(new VocabularyAttribute(id, value == null
                    ? new Simple("", null)
                    : ExtensionReader.value(value, a.path().child("attribute"), e.ctx())));
        }
        return new VocabularyElement(e.requiredString("id"), attributes, e.strings("children"),
                e.extensions(EpcisMembers.VOCABULARY_ELEMENT));
    }
}
