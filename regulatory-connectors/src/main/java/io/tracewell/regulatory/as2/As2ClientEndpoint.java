package io.tracewell.regulatory.as2;

import java.io.IOException;
import java.util.Map;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.component.as2.AS2Configuration;
import org.apache.camel.component.as2.AS2Endpoint;
import org.apache.camel.component.as2.internal.AS2ApiName;
import org.apache.camel.support.component.ApiMethod;

/**
 * An {@code as2:} endpoint whose client side uses {@link RecordingClientConnection} and {@link PinningClientManager};
 * server and receipt endpoints behave as in camel-as2.
 */
final class As2ClientEndpoint extends AS2Endpoint {

    private PinningClientManager clientManager;

    As2ClientEndpoint(String uri, As2ClientComponent component, AS2ApiName apiName, String methodName,
            AS2Configuration configuration) {
        super(uri, component, apiName, methodName, configuration);
    }

    /**
     * Camel configures an endpoint twice while creating it, so the client connection, whose constructor opens a test
     * connection to the partner, is made on first use instead (see {@link #getApiProxy}).
     */
    @Override
    protected void afterConfigureProperties() {
        if (getApiName() != AS2ApiName.CLIENT) {
            super.afterConfigureProperties();
        } else if (getConfiguration().getSslContext() != null) {
            throw new IllegalArgumentException("sslContext is set, but this AS2 client sends plain HTTP only");
        }
    }

    /**
     * The client manager, made with its connection on the first send; when the partner cannot be reached, this send
     * fails and the next one tries again.
     */
    @Override
    public synchronized Object getApiProxy(ApiMethod method, Map<String, Object> args) {
        if (getApiName() != AS2ApiName.CLIENT) {
            return super.getApiProxy(method, args);
        }
        if (clientManager == null) {
            AS2Configuration configuration = getConfiguration();
            try {
                clientManager = new PinningClientManager(new RecordingClientConnection(configuration.getAs2Version(),
                        configuration.getUserAgent(), configuration.getClientFqdn(),
                        configuration.getTargetHostname(), configuration.getTargetPortNumber(),
                        configuration.getHttpSocketTimeout(), configuration.getHttpConnectionTimeout()));
            } catch (IOException e) {
                throw new RuntimeCamelException("AS2 client cannot connect to " + configuration.getTargetHostname()
                        + ":" + configuration.getTargetPortNumber() + ": " + e, e);
            }
        }
        return clientManager;
    }
}
