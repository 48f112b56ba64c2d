package io.tracewell.regulatory.dscsa;

/**
 * The Location master data attributes that carry the business name and address of seller and buyer (FD&C Act
 * §581(26)(I), (J)) and of the ship-from and ship-to locations, in the order the document lists them.
 */
enum LocationAttribute {
    NAME("name", "business name", Need.ALWAYS),
    STREET_ADDRESS_ONE("streetAddressOne", "street address", Need.ALWAYS),
    STREET_ADDRESS_TWO("streetAddressTwo", "second address line", Need.OPTIONAL),
    CITY("city", "city", Need.ALWAYS),
    STATE("state", "state, required for US addresses", Need.IN_US),
    POSTAL_CODE("postalCode", "postal code", Need.ALWAYS),
    COUNTRY_CODE("countryCode", "ISO 3166 country code", Need.ALWAYS);

    private enum Need { ALWAYS, IN_US, OPTIONAL }

    private final String localName;
    private final String meaning;
    private final Need need;

    LocationAttribute(String localName, String meaning, Need need) {
        this.localName = localName;
        this.meaning = meaning;
        this.need = need;
    }

    String localName() {
        return localName;
    }

    /** The attribute id as the document writes it, e.g. {@code urn:epcglobal:cbv:mda#streetAddressOne}. */
    String id() {
        return CbvMda.ATTRIBUTE_PREFIX + localName;
    }

    /** Whether an address in this country needs the attribute ({@code countryCode} may be null: not known). */
    boolean requiredIn(String countryCode) {
        return need == Need.ALWAYS || need == Need.IN_US && "US".equalsIgnoreCase(countryCode);
    }

    /** What an operator is told is missing. */
    String describe() {
        return "Location attribute " + id() + " (" + meaning + ")";
    }
}
