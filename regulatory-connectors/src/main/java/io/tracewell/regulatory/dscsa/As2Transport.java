package io.tracewell.regulatory.dscsa;

import io.tracewell.regulatory.as2.As2Outcome;
import io.tracewell.regulatory.as2.As2PartnerProfile;
import io.tracewell.regulatory.as2.As2Sender;
import java.util.Map;
import java.util.Objects;

/**
 * DSCSA documents over AS2 (docs/as2.md): each trading partner's AS2 profile by its name; an attempt is acknowledged
 * only on a verified signed MDN saying processed for our Message-ID and MIC, and a failure is retryable when
 * resending the same bytes may help ({@link As2Outcome#retryable()}). A partner in asynchronous MDN mode that accepts
 * the message leaves the receipt awaited; {@link AsyncMdnReceiver} settles it when the MDN is posted.
 */
public final class As2Transport implements PartnerTransport {

    private final As2Sender sender;
    private final Map<String, As2PartnerProfile> profiles;

    /** @param profiles each partner's AS2 profile, by {@link TradingPartner#name()} */
    public As2Transport(As2Sender sender, Map<String, As2PartnerProfile> profiles) {
        this.sender = Objects.requireNonNull(sender, "sender");
        this.profiles = Map.copyOf(profiles);
    }

    @Override
    public String newMessageId(TradingPartner partner) {
        As2PartnerProfile profile = profiles.get(partner.name());
        return profile == null ? PartnerTransport.super.newMessageId(partner) : As2Sender.newMessageId(profile);
    }

    @Override
    public Outcome send(TradingPartner partner, String messageId, byte[] payload, String contentType) {
        As2PartnerProfile profile = profiles.get(partner.name());
        if (profile == null) {
            return Outcome.failed(false, null, null, "no AS2 profile is configured for " + partner.name());
        }
        As2Outcome outcome = sender.send(profile, payload, messageId);
        byte[] mdn = outcome.mdn().length == 0 ? null : outcome.mdn();
        if (outcome.acknowledged()) {
            return Outcome.acknowledged(outcome.mic(), mdn, "MDN " + outcome.disposition());
        }
        if (outcome.status() == As2Outcome.Status.AWAITING_MDN) {
            return Outcome.awaitingReceipt(outcome.mic(), "accepted with HTTP " + outcome.httpStatus()
                    + "; the asynchronous MDN is awaited at " + profile.asyncMdnUrl());
        }
        return Outcome.failed(outcome.retryable(), outcome.mic(), mdn, outcome.failure() + ": " + outcome.reason());
    }
}
