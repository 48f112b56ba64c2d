package io.tracewell.server.security;

/**
 * Credentials that do not authenticate: the message says why, for the 401 problem's detail, and never contains the
 * credentials themselves.
 */
public final class AuthenticationException extends Exception {

    public AuthenticationException(String message) {
        super(message, null, false, false);
    }
}
