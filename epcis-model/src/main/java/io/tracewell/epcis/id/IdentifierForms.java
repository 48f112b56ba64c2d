package io.tracewell.epcis.id;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The canonical forms of recently seen identifiers. Capturing an event parses each of its identifiers at least
 * twice (the event hash, then the index rows) and the same read points, locations and classes come back event
 * after event; parsing a GS1 key and writing its Digital Link is most of that work. The cache is bounded: when
 * full it is emptied and fills again with what is current. Values that do not parse are not kept.
 */
final class IdentifierForms {

    static final int MAX_ENTRIES = 1 << 16;

    /** What {@link Epc#canonical()} and {@link Epc#digitalLink()} return for one identifier. */
    record Forms(String canonical, Optional<String> digitalLink) {}

    private static final ConcurrentHashMap<String, Forms> CACHE = new ConcurrentHashMap<>();

    private IdentifierForms() {}

    static Forms of(String value) {
        Forms forms = CACHE.get(value);
        if (forms != null) {
            return forms;
        }
        Epc epc = Epc.parse(value);
        forms = new Forms(epc.canonical(), epc.digitalLink());
        if (CACHE.size() >= MAX_ENTRIES) {
            CACHE.clear();
        }
        CACHE.put(value, forms);
        return forms;
    }
}
