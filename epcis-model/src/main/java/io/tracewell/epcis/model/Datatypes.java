package io.tracewell.epcis.model;

import javax.xml.namespace.QName;

/** XML Schema datatype names used to keep the type of simple extension values across the bindings. */
public final class Datatypes {
    public static final String XSD_NS = "http://www.w3.org/2001/XMLSchema";
    public static final String XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";

    public static final QName STRING = new QName(XSD_NS, "string", "xsd");
    public static final QName INTEGER = new QName(XSD_NS, "integer", "xsd");
    public static final QName DECIMAL = new QName(XSD_NS, "decimal", "xsd");
    public static final QName DOUBLE = new QName(XSD_NS, "double", "xsd");
    public static final QName BOOLEAN = new QName(XSD_NS, "boolean", "xsd");

    private Datatypes() {
    }

    /** True for the datatypes that JSON writes as a bare number. */
    public static boolean isJsonNumber(QName type) {
        return INTEGER.equals(type) || DECIMAL.equals(type) || DOUBLE.equals(type);
    }
}
