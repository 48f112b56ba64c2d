package io.tracewell.epcis.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import io.tracewell.xsd.SchemaResources;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The project's EPCIS 2.0 JSON Schema, compiled once per JVM, with the entry points the validator uses.
 * Compiled schemas are immutable and safe to share between threads.
 */
final class JsonSchemas {

    private static final String LOCATION = "classpath:" + SchemaResources.EPCIS_2_JSON_SCHEMA;

    /** The schema document itself, to read the titles and descriptions that explain a failed rule. */
    final JsonNode tree;
    /** Root: a document, a query document, or a single event with its own @context. */
    final Schema root;
    /** One event of an event list, validated on its own while a large document streams past. */
    final Schema documentEvent;

    private JsonSchemas(JsonNode tree, Schema root, Schema documentEvent) {
        this.tree = tree;
        this.root = root;
        this.documentEvent = documentEvent;
    }

    static JsonSchemas epcis2() {
        return Holder.EPCIS_2;
    }

    private static final class Holder {
        static final JsonSchemas EPCIS_2 = load();
    }

    /**
     * A registry that asserts formats (uri, date-time), reports JSON pointers and never fetches a schema
     * from the network.
     */
    static SchemaRegistry registry(SpecificationVersion version) {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .formatAssertionsEnabled(true)
                .pathType(PathType.JSON_POINTER)
                .build();
        return SchemaRegistry.withDefaultDialect(version, builder -> builder
                .schemaRegistryConfig(config)
                .schemaLoader(loader -> loader.fetchRemoteResources(false)));
    }

    private static JsonSchemas load() {
        JsonNode tree;
        try (InputStream in = SchemaResources.url(SchemaResources.EPCIS_2_JSON_SCHEMA).openStream()) {
            tree = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled JSON Schema", e);
        }
        SchemaRegistry registry = registry(SpecificationVersion.DRAFT_2019_09);
        Schema root = registry.getSchema(SchemaLocation.of(LOCATION));
        Schema event = registry.getSchema(SchemaLocation.of(LOCATION + "#/$defs/documentEvent"));
        root.initializeValidators();
        event.initializeValidators();
        return new JsonSchemas(tree, root, event);
    }
}
