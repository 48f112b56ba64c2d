package io.tracewell.regulatory.fmd;

import java.util.List;
import java.util.Objects;

/**
 * What the connector tells the EU hub, without any wire format: the messages of the on-boarding partner's interface
 * as docs/fmd.md lists them. Product codes are GTIN-14 (an NTIN is a GTIN); expiry dates are {@code YYMMDD} exactly
 * as printed on the pack.
 */
public sealed interface HubMessage {

    /** The operation's name, e.g. {@code BatchUpload}; adapters name their requests by it. */
    String operation();

    /** Whether the hub cannot undo it: such a message is never resent before asking the hub what became of it. */
    default boolean irreversible() {
        return false;
    }

    /** A wholesaler designated by the marketing authorisation holder for a market. */
    record Wholesaler(String id, String name, String address) {}

    /** The market-specific part of the product master data: one per member state the product is placed on. */
    record Market(String country, String nationalCode, String mahId, String mahName, String mahAddress,
                  String manufacturerName, String manufacturerAddress, List<Wholesaler> wholesalers) {
        public Market {
            Objects.requireNonNull(country, "country");
            wholesalers = List.copyOf(wholesalers);
        }
    }

    /** Product master data (DR 2016/161 Art. 33(2)(b)-(h)). */
    record ProductMasterData(String productCode, String codingScheme, String name, String commonName,
                             String pharmaceuticalForm, String strength, String packType, String packSize,
                             List<Market> markets) implements HubMessage {
        public ProductMasterData {
            markets = List.copyOf(markets);
        }

        @Override
        public String operation() {
            return "ProductMasterDataUpload";
        }
    }

    /** Batch data and the serial numbers of the packs of the batch (DR 2016/161 Art. 33(2)(a)). */
    record BatchUpload(String productCode, String codingScheme, String batch, String expiry, List<String> serials)
            implements HubMessage {
        public BatchUpload {
            serials = List.copyOf(serials);
        }

        @Override
        public String operation() {
            return "BatchUpload";
        }
    }

    /** One pack's new EMVS state. */
    record Pack(String productCode, String codingScheme, String batch, String expiry, String serial) {}

    /** Packs whose state changes, all to {@code state} ({@link EmvsPackState#ACTIVE}: unlock). */
    record PackStateChange(EmvsPackState state, List<Pack> packs) implements HubMessage {
        public PackStateChange {
            Objects.requireNonNull(state, "state");
            packs = List.copyOf(packs);
        }

        @Override
        public String operation() {
            return "PackStateChange";
        }
    }

    /** A batch recalled in the listed markets: once only, irreversible. */
    record BatchRecall(String productCode, String codingScheme, String batch, String reason, List<String> markets)
            implements HubMessage {
        public BatchRecall {
            markets = List.copyOf(markets);
        }

        @Override
        public String operation() {
            return "BatchRecall";
        }

        @Override
        public boolean irreversible() {
            return true;
        }
    }

    /** A product code withdrawn, all its batches, in the listed markets: once only, irreversible. */
    record ProductWithdrawal(String productCode, String codingScheme, String reason, List<String> markets)
            implements HubMessage {
        public ProductWithdrawal {
            markets = List.copyOf(markets);
        }

        @Override
        public String operation() {
            return "ProductWithdrawal";
        }

        @Override
        public boolean irreversible() {
            return true;
        }
    }
}
