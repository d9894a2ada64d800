package io.github.duplicityunattended.app;

import java.util.function.Supplier;
import org.apache.camel.spi.Registry;

/**
 * A bean made when a route first looks it up, not at start: a client that loads a whole SDK (and its TLS and HTTP
 * stack) costs start-up time and memory only in a process that uses it. Made once, then the same object.
 *
 * @param type the bean's type, as routes and components look it up
 * @param make makes the bean, on the first lookup
 */
public record LazyBean<T>(Class<T> type, Supplier<? extends T> make) {

    /** Binds {@code bean} under {@code name}: a {@link LazyBean} to be made on its first lookup, anything else as is. */
    public static void bind(Registry registry, String name, Object bean) {
        if (bean instanceof LazyBean<?> lazy) {
            registry.bind(name, lazy.type(), () -> lazy.make().get());
        } else {
            registry.bind(name, bean);
        }
    }
}
