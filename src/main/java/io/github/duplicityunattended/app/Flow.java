package io.github.duplicityunattended.app;

import java.util.List;
import java.util.Map;
import org.apache.camel.main.MainListener;

/**
 * One flow of the program: a YAML routes file, the beans its routes call and the placeholders they use, made
 * from the config. A command starts only the flows it needs.
 */
public interface Flow {

    /** The routes file, e.g. {@code backup.camel.yaml}: in the jar's {@code routes/}, or in a --routes dir. */
    String routesFile();

    /** The beans the routes call, by the name they use. */
    Map<String, Object> beans();

    /** The placeholders the routes use, by name. */
    Map<String, String> properties();

    /** What must happen around Camel's start, such as waiting for a fact the routes need. */
    default List<MainListener> listeners() {
        return List.of();
    }
}
