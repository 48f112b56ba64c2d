package io.tracewell.epcis.model;

import java.util.Objects;

/**
 * The fields every EPCIS event has (EPCIS 2.0 §7.4.1): when it happened, when it was recorded, its identity,
 * an optional error declaration and certification information.
 *
 * <p>{@code recordTime} is set by the repository at capture; a value sent by the capturer is ignored there.
 */
public record CommonFields(
        EpcisTime eventTime,
        TimeZoneOffset eventTimeZoneOffset,
        EpcisTime recordTime,
        String eventID,
        ErrorDeclaration errorDeclaration,
        String certificationInfo) {
    public CommonFields {
        Objects.requireNonNull(eventTime, "eventTime");
        Objects.requireNonNull(eventTimeZoneOffset, "eventTimeZoneOffset");
    }

    public static CommonFields of(EpcisTime eventTime, TimeZoneOffset offset) {
        return new CommonFields(eventTime, offset, null, null, null, null);
    }

    public CommonFields withEventID(String id) {
        return new CommonFields(eventTime, eventTimeZoneOffset, recordTime, id, errorDeclaration, certificationInfo);
    }

    public CommonFields withRecordTime(EpcisTime time) {
        return new CommonFields(eventTime, eventTimeZoneOffset, time, eventID, errorDeclaration, certificationInfo);
    }
}
