package io.tracewell.regulatory.as2;

import org.apache.camel.Endpoint;
import org.apache.camel.component.as2.AS2Component;
import org.apache.camel.component.as2.AS2Configuration;
import org.apache.camel.component.as2.internal.AS2ApiName;
import org.apache.camel.spi.annotations.Component;

/**
 * camel-as2's component whose {@code client/send} endpoints pin the Message-ID given with the body and keep the MDN's
 * bytes for verification (see {@link RecordingClientConnection}); every other part of camel-as2 is unchanged. Register
 * it under its own scheme ({@link As2Sender#COMPONENT_NAME}) so that plain {@code as2:} endpoints of the same context
 * keep camel-as2's behaviour.
 *
 * <p>The {@code @Component("as2")} annotation lets Camel find camel-as2's generated option configurers for this
 * subclass; it does not claim the {@code as2} scheme.
 */
@Component("as2")
public final class As2ClientComponent extends AS2Component {

    @Override
    protected Endpoint createEndpoint(String uri, String methodName, AS2ApiName apiName,
            AS2Configuration endpointConfiguration) {
        endpointConfiguration.setApiName(apiName);
        endpointConfiguration.setMethodName(methodName);
        return new As2ClientEndpoint(uri, this, apiName, methodName, endpointConfiguration);
    }
}
