package io.tracewell.regulatory.dscsa;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tracewell.epcis.id.CompanyPrefixLengths;
import io.tracewell.regulatory.as2.As2PartnerProfile;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The DSCSA gateway's configuration file (docs/dscsa.md, "Configuration"): the seller, our AS2 identity and key
 * store, and the trading partners with their GLNs and AS2 profiles. Read once at start-up; every mistake is
 * reported with its JSON pointer and what was expected, and relative paths are read from the file's directory.
 *
 * @param settings the seller's side of the documents
 * @param partners the trading partners, in the order written
 * @param profiles each partner's AS2 profile, by partner name
 * @param inbound  where to receive partners' AS2 messages, when configured
 * @param asyncMdn where partners post asynchronous MDNs, when configured
 */
public record DscsaConfiguration(DscsaSettings settings, List<TradingPartner> partners,
                                 Map<String, As2PartnerProfile> profiles,
                                 java.util.Optional<io.tracewell.regulatory.as2.As2ReceiverSettings> inbound,
                                 java.util.Optional<AsyncMdn> asyncMdn) {

    /**
     * Where partners in asynchronous MDN mode post their MDNs: the address and port we listen on, the exact path,
     * the URL partners are given (as it is reached from outside), and how long a sent delivery waits for its MDN.
     */
    public record AsyncMdn(String address, int port, String path, URI url, Duration timeout) {}

    /** How each partner's messages to us are checked: their certificate, our keys (docs/as2.md, "Receiving"). */
    public List<io.tracewell.regulatory.as2.InboundPartnerProfile> inboundProfiles() {
        return profiles.values().stream().map(io.tracewell.regulatory.as2.InboundPartnerProfile::of).toList();
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** A configuration that cannot be used: where and why. */
    public static final class InvalidConfiguration extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidConfiguration(Path file, String pointer, String message) {
            super(file + (pointer.isEmpty() ? "" : " at " + pointer) + ": " + message, null, false, false);
        }
    }

    /**
     * Reads the file.
     *
     * @param lengths company prefix lengths for rendering Digital Links as the EPC URIs DSCSA partners expect
     * @throws InvalidConfiguration naming the file, the JSON pointer and the problem
     */
    public static DscsaConfiguration load(Path file, CompanyPrefixLengths lengths) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            throw new InvalidConfiguration(file, "", "not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidConfiguration(file, "", "cannot be read: " + e);
        }
        return new Reader(file, root).read(lengths);
    }

    private record Reader(Path file, JsonNode root) {

        DscsaConfiguration read(CompanyPrefixLengths lengths) {
            JsonNode top = object(root, "", Set.of("seller", "as2", "partners", "inbound", "asyncMdn"));
            java.util.Optional<AsyncMdn> asyncMdn = java.util.Optional.empty();
            if (top.has("asyncMdn")) {
                JsonNode m = object(top.get("asyncMdn"), "/asyncMdn", Set.of("address", "port", "path", "url",
                        "timeoutSeconds"));
                String address = m.has("address") ? text(m, "/asyncMdn", "address", true) : "0.0.0.0";
                JsonNode port = m.get("port");
                if (port == null || !port.canConvertToInt() || port.asInt() < 0 || port.asInt() > 65_535) {
                    throw new InvalidConfiguration(file, "/asyncMdn/port", "expected a port number 0-65535");
                }
                String path = text(m, "/asyncMdn", "path", true);
                URI url = attempt("/asyncMdn/url", () -> URI.create(text(m, "/asyncMdn", "url", true)));
                long timeout = m.has("timeoutSeconds") ? m.get("timeoutSeconds").asLong(3600) : 3600;
                if (timeout < 1) {
                    throw new InvalidConfiguration(file, "/asyncMdn/timeoutSeconds", "expected at least 1 second");
                }
                asyncMdn = java.util.Optional.of(new AsyncMdn(address, port.asInt(), path, url,
                        Duration.ofSeconds(timeout)));
            }
            java.util.Optional<AsyncMdn> mdn = asyncMdn;
            JsonNode seller = object(top.get("seller"), "/seller", Set.of("gln", "legalNotice"));
            String senderGln = text(seller, "/seller", "gln", true);
            String notice = text(seller, "/seller", "legalNotice", false);
            DscsaSettings settings = attempt("/seller", () -> new DscsaSettings(senderGln, lengths,
                    notice == null ? DscsaSettings.DEFAULT_LEGAL_NOTICE : notice));

            JsonNode as2 = object(top.get("as2"), "/as2", Set.of("as2Id", "fromAddress", "keyStore",
                    "keyStorePassword", "keyAlias"));
            String ourId = text(as2, "/as2", "as2Id", true);
            String from = text(as2, "/as2", "fromAddress", true);
            Path keyStorePath = path(text(as2, "/as2", "keyStore", true));
            String password = text(as2, "/as2", "keyStorePassword", true);
            String alias = text(as2, "/as2", "keyAlias", true);
            PrivateKey key;
            List<X509Certificate> chain = new ArrayList<>();
            try (InputStream in = Files.newInputStream(keyStorePath)) {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(in, password.toCharArray());
                if (!(store.getKey(alias, password.toCharArray()) instanceof PrivateKey k)) {
                    throw new InvalidConfiguration(file, "/as2/keyAlias", "the key store " + keyStorePath
                            + " has no private key under the alias \"" + alias + "\"");
                }
                key = k;
                for (Certificate c : store.getCertificateChain(alias)) {
                    chain.add((X509Certificate) c);
                }
            } catch (IOException | GeneralSecurityException e) {
                throw new InvalidConfiguration(file, "/as2/keyStore", "cannot read the PKCS #12 key store "
                        + keyStorePath + " with the password given: " + e.getMessage());
            }

            JsonNode list = root.get("partners");
            if (list == null || !list.isArray() || list.isEmpty()) {
                throw new InvalidConfiguration(file, "/partners", "expected a non-empty array of trading partners");
            }
            List<TradingPartner> partners = new ArrayList<>();
            Map<String, As2PartnerProfile> profiles = new LinkedHashMap<>();
            for (int i = 0; i < list.size(); i++) {
                String at = "/partners/" + i;
                JsonNode p = object(list.get(i), at, Set.of("name", "partyGlns", "locationGlns", "receiverGln",
                        "as2"));
                String name = text(p, at, "name", true);
                if (profiles.containsKey(name)) {
                    throw new InvalidConfiguration(file, at + "/name", "the name \"" + name + "\" is used twice");
                }
                List<String> parties = texts(p, at, "partyGlns");
                List<String> locations = texts(p, at, "locationGlns");
                String receiver = text(p, at, "receiverGln", true);
                partners.add(attempt(at, () -> new TradingPartner(name, parties, locations, receiver)));
                String pa = at + "/as2";
                JsonNode a = object(p.get("as2"), pa, Set.of("as2Id", "url", "certificate", "connectTimeoutSeconds",
                        "readTimeoutSeconds", "mdnMode"));
                String mode = a.has("mdnMode") ? text(a, pa, "mdnMode", true) : "sync";
                if (!mode.equals("sync") && !mode.equals("async")) {
                    throw new InvalidConfiguration(file, pa + "/mdnMode", "expected \"sync\" or \"async\"");
                }
                if (mode.equals("async") && mdn.isEmpty()) {
                    throw new InvalidConfiguration(file, pa + "/mdnMode", "\"async\" needs an asyncMdn block"
                            + " saying where partners post their MDNs");
                }
                String theirId = text(a, pa, "as2Id", true);
                String url = text(a, pa, "url", true);
                X509Certificate certificate = certificate(path(text(a, pa, "certificate", true)), pa + "/certificate");
                long connect = a.has("connectTimeoutSeconds") ? a.get("connectTimeoutSeconds").asLong(10) : 10;
                long read = a.has("readTimeoutSeconds") ? a.get("readTimeoutSeconds").asLong(60) : 60;
                profiles.put(name, attempt(pa, () -> {
                    As2PartnerProfile.Builder b = As2PartnerProfile.builder().ourAs2Id(ourId)
                            .partnerAs2Id(theirId).url(URI.create(url)).fromAddress(from)
                            .partnerCertificate(certificate).signing(key, chain)
                            .timeouts(Duration.ofSeconds(connect), Duration.ofSeconds(read));
                    return (mode.equals("async") ? b.asyncMdn(mdn.get().url()) : b.syncMdn()).build();
                }));
            }
            java.util.Optional<io.tracewell.regulatory.as2.As2ReceiverSettings> inbound = java.util.Optional.empty();
            if (top.has("inbound")) {
                JsonNode in = object(top.get("inbound"), "/inbound", Set.of("address", "port", "path",
                        "messageIdDomain"));
                String address = in.has("address") ? text(in, "/inbound", "address", true) : "0.0.0.0";
                JsonNode port = in.get("port");
                if (port == null || !port.canConvertToInt() || port.asInt() < 0 || port.asInt() > 65_535) {
                    throw new InvalidConfiguration(file, "/inbound/port", "expected a port number 0-65535");
                }
                String path = text(in, "/inbound", "path", true);
                String domain = text(in, "/inbound", "messageIdDomain", true);
                inbound = java.util.Optional.of(attempt("/inbound", () -> io.tracewell.regulatory.as2
                        .As2ReceiverSettings.builder().listen(address, port.asInt()).path(path)
                        .messageIdDomain(domain).identity(ourId, key, chain).build()));
            }
            return new DscsaConfiguration(settings, List.copyOf(partners), Map.copyOf(profiles), inbound, asyncMdn);
        }

        private JsonNode object(JsonNode node, String at, Set<String> members) {
            if (node == null || !node.isObject()) {
                throw new InvalidConfiguration(file, at, "expected an object with " + String.join(", ",
                        members.stream().sorted().toList()));
            }
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!members.contains(name)) {
                    throw new InvalidConfiguration(file, at + "/" + name, "\"" + name + "\" is not a setting here;"
                            + " expected " + String.join(", ", members.stream().sorted().toList()));
                }
            }
            return node;
        }

        private String text(JsonNode node, String at, String member, boolean required) {
            JsonNode v = node.get(member);
            if (v == null || v.isNull()) {
                if (required) {
                    throw new InvalidConfiguration(file, at + "/" + member, "missing; expected a string");
                }
                return null;
            }
            if (!v.isTextual() || v.asText().isBlank()) {
                throw new InvalidConfiguration(file, at + "/" + member, "expected a non-empty string, found " + v);
            }
            return v.asText();
        }

        private List<String> texts(JsonNode node, String at, String member) {
            JsonNode v = node.get(member);
            if (v == null || v.isNull()) {
                return List.of();
            }
            if (!v.isArray()) {
                throw new InvalidConfiguration(file, at + "/" + member, "expected an array of GLNs");
            }
            List<String> values = new ArrayList<>();
            for (int i = 0; i < v.size(); i++) {
                if (!v.get(i).isTextual()) {
                    throw new InvalidConfiguration(file, at + "/" + member + "/" + i, "expected a GLN string");
                }
                values.add(v.get(i).asText());
            }
            return values;
        }

        private Path path(String text) {
            Path p = Path.of(text);
            return p.isAbsolute() ? p : file.toAbsolutePath().getParent().resolve(p);
        }

        private X509Certificate certificate(Path path, String at) {
            try (InputStream in = Files.newInputStream(path)) {
                return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            } catch (IOException | GeneralSecurityException e) {
                throw new InvalidConfiguration(file, at, "cannot read an X.509 certificate (PEM or DER) from " + path
                        + ": " + e.getMessage());
            }
        }

        private <T> T attempt(String at, java.util.function.Supplier<T> make) {
            try {
                return make.get();
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new InvalidConfiguration(file, at, e.getMessage());
            }
        }
    }
}
