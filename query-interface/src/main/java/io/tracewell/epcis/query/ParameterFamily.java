package io.tracewell.epcis.query;

import java.util.List;
import java.util.Optional;

/**
 * One group of SimpleEventQuery parameters (EPCIS 2.0 §8.2.7.1): recognises its parameter names and turns a
 * parameter into a {@link Condition}. {@link QueryParser} asks each family in turn; a name no family takes is an
 * unknown parameter.
 */
public interface ParameterFamily {

    /**
     * The condition for {@code name} with its values (a URL's pipe-delimited list, or a JSON array), or empty
     * when this family does not know the name.
     *
     * @throws QueryParameterException when the name is this family's but the values are not valid
     */
    Optional<Condition> parse(String name, List<String> values, QueryContext context);
}
