package org.onepro.app.serve;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Who may talk to the prompting server. The server holds patient images and writes into the data folder, and it
 * listens on a port any web page in the user's browser can send to; so it answers only requests addressed to it by
 * a loopback name or an IP address ({@code Host}; a DNS-rebinding page arrives under its own host name), takes
 * state-changing requests only from its own page ({@code Origin}, when the browser sends one) and only with the
 * content type its page uses, which a cross-site form or a {@code text/plain} fetch cannot send without a CORS
 * preflight, which the server never grants.
 */
final class RequestGuard {

    // An IPv4 literal, or an IPv6 literal in brackets: no DNS name an attacker could point at us.
    private static final Pattern IP_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|\\[[0-9a-fA-F:.]+\\]");

    private final int port;

    RequestGuard(int port) {
        this.port = port;
    }

    /**
     * Checks the {@code Host} header of every request.
     *
     * @throws ApiException 403 naming the host when it is not {@code localhost} or an IP address with this port
     */
    void checkHost(String host) {
        if (host == null || !served(host.trim().toLowerCase(Locale.ROOT))) {
            throw new ApiException(403, "this server answers to localhost or an IP address on port " + port
                    + ", not to Host '" + host + "'");
        }
    }

    /**
     * Checks a state-changing request: its {@code Origin}, if any, must be this server's own, and its content type
     * the expected one.
     *
     * @throws ApiException 403 for a foreign origin, 415 for another content type
     */
    void checkWrite(String origin, String host, String contentType, String expectedType) {
        if (origin != null && !origin.trim().equalsIgnoreCase("http://" + host.trim())) {
            throw new ApiException(403, "requests from the page at " + origin + " are refused; only this server's"
                    + " own page may change data");
        }
        String type = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!type.equals(expectedType)) {
            throw new ApiException(415, "this call takes Content-Type " + expectedType + ", not '"
                    + (contentType == null ? "" : contentType) + "'");
        }
    }

    private boolean served(String host) {
        int colon = host.lastIndexOf(':');
        if (colon < 0 || host.endsWith("]")) {
            return false;
        }
        String name = host.substring(0, colon);
        String portText = host.substring(colon + 1);
        if (!portText.equals(Integer.toString(port))) {
            return false;
        }
        return name.equals("localhost") || IP_LITERAL.matcher(name).matches();
    }
}
