package io.github.duplicityunattended.testsupport;

import io.github.duplicityunattended.app.DirLogContext;
import io.github.duplicityunattended.app.Flow;
import io.github.duplicityunattended.app.LazyBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

/**
 * Gives a test's Camel context what the program gives its own: the flows' beans and placeholders, and their
 * routes from the top-level {@code routes/} dir, the files that ship in the jar.
 */
public final class Flows {

    private Flows() {
    }

    /** Binds the flows' beans, sets their placeholders, and puts the dir a route works on into the log lines. */
    public static void bind(CamelContext context, Flow... flows) {
        DirLogContext.install(context);
        Properties placeholders = new Properties();
        for (Flow flow : flows) {
            flow.beans().forEach((name, bean) -> LazyBean.bind(context.getRegistry(), name, bean));
            placeholders.putAll(flow.properties());
        }
        context.getPropertiesComponent().setInitialProperties(placeholders);
    }

    /** The routes of the flows' files. */
    public static RoutesBuilder[] routes(CamelContext context, Flow... flows) throws Exception {
        List<RoutesBuilder> builders = new ArrayList<>();
        for (Flow flow : flows) {
            builders.addAll(PluginHelper.getRoutesLoader(context).findRoutesBuilders(
                    ResourceHelper.resolveMandatoryResource(context, "file:routes/" + flow.routesFile())));
        }
        return builders.toArray(RoutesBuilder[]::new);
    }
}
