package io.affinitygrid.node;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and checks one discovery address: {@code host}, {@code host:port} or {@code host:from..to}.
 */
final class DiscoveryAddress {

    private static final Pattern FORM = Pattern.compile("^([^:\\s]+)(?::(\\d{1,5})(?:\\.\\.(\\d{1,5}))?)?$");

    private DiscoveryAddress() {
    }

    /**
     * Returns the address unchanged when it is well formed.
     *
     * @throws GridConfigurationException naming {@code property} otherwise
     */
    static String check(String address, String property) {
        if (address == null || address.isBlank()) {
            throw new GridConfigurationException(property, address, "a discovery address must not be blank; use host, host:port or host:port..port");
        }
        String trimmed = address.trim();
        Matcher m = FORM.matcher(trimmed);
        if (!m.matches()) {
            throw new GridConfigurationException(property, address,
                    "not a discovery address; use host, host:port or host:port..port, e.g. 127.0.0.1:47500..47509");
        }
        if (m.group(2) != null) {
            int from = Ports.check(Integer.parseInt(m.group(2)), property);
            if (m.group(3) != null) {
                int to = Ports.check(Integer.parseInt(m.group(3)), property);
                if (to < from) {
                    throw new GridConfigurationException(property, address, "the port range " + from + ".." + to + " is empty; write the lower port first");
                }
            }
        }
        return trimmed;
    }
}
