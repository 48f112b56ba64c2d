package io.tracewell.server.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An OpenID Connect issuer for tests: an RSA and an EC key pair made for the test run, their public halves served
 * as a JWKS document over HTTP, and tokens signed with them, or signed or built wrongly on purpose.
 */
final class TestIssuer implements AutoCloseable {

    static final String ISSUER = "https://issuer.test/realms/tracewell";
    static final String AUDIENCE = "tracewell-test";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final KeyPair rsa;
    private final KeyPair ec;
    private final KeyPair stranger;
    private final HttpServer server;

    private TestIssuer(KeyPair rsa, KeyPair ec, KeyPair stranger, HttpServer server) {
        this.rsa = rsa;
        this.ec = ec;
        this.stranger = stranger;
        this.server = server;
    }

    static TestIssuer start() throws Exception {
        KeyPairGenerator rsaGenerator = KeyPairGenerator.getInstance("RSA");
        rsaGenerator.initialize(2048);
        KeyPairGenerator ecGenerator = KeyPairGenerator.getInstance("EC");
        ecGenerator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair rsa = rsaGenerator.generateKeyPair();
        KeyPair ec = ecGenerator.generateKeyPair();
        KeyPair stranger = rsaGenerator.generateKeyPair();
        byte[] jwks = jwks(rsa, ec).getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/jwks.json", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        server.start();
        return new TestIssuer(rsa, ec, stranger, server);
    }

    URI jwksUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json");
    }

    /** Claims of a token valid for ten minutes. */
    Map<String, Object> claims(String subject, String organisation, List<String> roles) {
        long now = System.currentTimeMillis() / 1000;
        Map<String, Object> claims = new HashMap<>();
        claims.put("iss", ISSUER);
        claims.put("aud", List.of("account", AUDIENCE));
        claims.put("sub", subject);
        claims.put("org", organisation);
        claims.put("roles", roles);
        claims.put("iat", now);
        claims.put("exp", now + 600);
        return claims;
    }

    String rsaToken(Map<String, Object> claims) throws Exception {
        return sign(header("RS256", "rsa-1"), claims, "SHA256withRSA", rsa.getPrivate());
    }

    String rsaTokenWithKeyId(Map<String, Object> claims, String keyId) throws Exception {
        return sign(header("RS256", keyId), claims, "SHA256withRSA", rsa.getPrivate());
    }

    /** Names the issuer's key id but is signed by a key the issuer never published. */
    String rsaTokenSignedByStranger(Map<String, Object> claims) throws Exception {
        return sign(header("RS256", "rsa-1"), claims, "SHA256withRSA", stranger.getPrivate());
    }

    String ecToken(Map<String, Object> claims) throws Exception {
        return sign(header("ES256", "ec-1"), claims, "SHA256withECDSAinP1363Format", ec.getPrivate());
    }

    /** {@code alg: none} with an empty signature. */
    String unsigned(Map<String, Object> claims) throws Exception {
        return encode(header("none", null)) + "." + encode(claims) + ".";
    }

    /** The classic confusion attack: HS256 keyed with the RSA public key's bytes, which anybody has. */
    String hmacWithPublicKey(Map<String, Object> claims) throws Exception {
        String signed = encode(header("HS256", "rsa-1")) + "." + encode(claims);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(rsa.getPublic().getEncoded(), "HmacSHA256"));
        return signed + "." + B64.encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII)));
    }

    /** A validly signed token whose payload is then replaced by one with {@code claim} changed. */
    String tampered(Map<String, Object> claims, String claim, Object value) throws Exception {
        String[] parts = rsaToken(claims).split("\\.");
        Map<String, Object> changed = new HashMap<>(claims);
        changed.put(claim, value);
        return parts[0] + "." + encode(changed) + "." + parts[2];
    }

    private static Map<String, Object> header(String algorithm, String keyId) {
        Map<String, Object> header = new HashMap<>();
        header.put("alg", algorithm);
        header.put("typ", "JWT");
        if (keyId != null) {
            header.put("kid", keyId);
        }
        return header;
    }

    private static String sign(Map<String, Object> header, Map<String, Object> claims, String algorithm,
                               PrivateKey key) throws Exception {
        String signed = encode(header) + "." + encode(claims);
        Signature signature = Signature.getInstance(algorithm);
        signature.initSign(key);
        signature.update(signed.getBytes(StandardCharsets.US_ASCII));
        return signed + "." + B64.encodeToString(signature.sign());
    }

    private static String encode(Map<String, Object> json) throws Exception {
        return B64.encodeToString(JSON.writeValueAsBytes(json));
    }

    private static String jwks(KeyPair rsa, KeyPair ec) {
        ObjectNode document = JSON.createObjectNode();
        var keys = document.putArray("keys");
        RSAPublicKey rsaKey = (RSAPublicKey) rsa.getPublic();
        keys.addObject().put("kty", "RSA").put("kid", "rsa-1").put("use", "sig").put("alg", "RS256")
                .put("n", unsigned(rsaKey.getModulus())).put("e", unsigned(rsaKey.getPublicExponent()));
        ECPublicKey ecKey = (ECPublicKey) ec.getPublic();
        keys.addObject().put("kty", "EC").put("kid", "ec-1").put("use", "sig").put("crv", "P-256")
                .put("x", coordinate(ecKey.getW().getAffineX())).put("y", coordinate(ecKey.getW().getAffineY()));
        return document.toString();
    }

    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return B64.encodeToString(bytes);
    }

    private static String coordinate(BigInteger value) {
        byte[] bytes = value.toByteArray();
        byte[] fixed = new byte[32];
        int copy = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - copy, fixed, 32 - copy, copy);
        return B64.encodeToString(fixed);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
