package io.github.duplicityunattended.testsupport;

import java.util.List;

/**
 * Runs a program so that file permissions hold for it even when the tests run as root (as they do in CI):
 * through {@code setpriv}, with the capabilities that bypass them (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH) out
 * of its bounding set. A non-root user is bound by permissions anyway and needs no prefix.
 */
public final class Unprivileged {

    private Unprivileged() {
    }

    /** The command to put before a program's argv. */
    public static List<String> prefix() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return List.of();
        }
        return List.of("setpriv", "--inh-caps=-all", "--bounding-set=-dac_override,-dac_read_search", "--");
    }
}
