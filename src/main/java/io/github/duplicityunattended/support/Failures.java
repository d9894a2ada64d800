package io.github.duplicityunattended.support;

import org.apache.camel.RuntimeCamelException;

/** Says what went wrong in one line, from an exception, for a log line or a message to the user. */
public final class Failures {

    private Failures() {
    }

    /** The first line of the message of the first exception below Camel's wrappers (or its class name). */
    public static String reason(Throwable e) {
        Throwable cause = e;
        while (cause instanceof RuntimeCamelException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null || cause.getMessage().isBlank()
                ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.strip().lines().findFirst().orElse(message);
    }

    /** The messages of an exception and its causes, most general first, each said once, without stack frames. */
    public static String causes(Throwable e) {
        StringBuilder text = new StringBuilder(reasonOrName(e));
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            if (c.getMessage() != null && !text.toString().contains(c.getMessage().strip())) {
                text.append(": ").append(c.getMessage().strip());
            }
        }
        return text.toString();
    }

    private static String reasonOrName(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
    }
}
