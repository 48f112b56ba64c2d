package io.tracewell.epcis.validation;

import java.util.function.Supplier;
import org.xml.sax.Locator;

/** The SAX parser's current position, shared by every stage of the XML pipeline that reports one. */
final class SaxPosition implements Supplier<Location> {
    private Locator locator;

    void set(Locator locator) {
        this.locator = locator;
    }

    @Override
    public Location get() {
        return locator == null ? Location.lineColumn(1, 1)
                : Location.lineColumn(locator.getLineNumber(), locator.getColumnNumber());
    }
}
