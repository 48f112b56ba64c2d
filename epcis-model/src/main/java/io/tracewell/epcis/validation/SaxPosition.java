package io.tracewell.epcis.validation;

import io.tracewell.epcis.format.SourceLocation;
import java.util.function.Supplier;
import org.xml.sax.Locator;

/** The SAX parser's current position, shared by every stage of the XML pipeline that reports one. */
final class SaxPosition implements Supplier<SourceLocation> {
    private Locator locator;

    void set(Locator locator) {
        this.locator = locator;
    }

    @Override
    public SourceLocation get() {
        return locator == null ? Locations.lineColumn(1, 1)
                : Locations.lineColumn(locator.getLineNumber(), locator.getColumnNumber());
    }
}
