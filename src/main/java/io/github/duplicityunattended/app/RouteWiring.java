package io.github.duplicityunattended.app;

import io.github.duplicityunattended.support.Failures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.model.Model;
import org.apache.camel.model.ProcessorDefinitionHelper;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.SendDefinition;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

/**
 * Before anything starts, checks that every {@code direct:} route a loaded route sends to is loaded too, so a
 * routes dir that lacks a flow is refused at start, naming what is missing, instead of failing mid-run.
 */
public final class RouteWiring extends MainListenerSupport {

    @Override
    public void beforeStart(BaseMainSupport main) {
        List<String> missing = missing(main.getCamelContext());
        if (!missing.isEmpty()) {
            throw new CannotStart(String.join("; ", missing));
        }
    }

    /**
     * Loads every {@code *.camel.yaml} of {@code dir} into a context that is never started and says what is wrong:
     * a file that does not parse, or a route that sends to one no file provides. For {@code --validate}.
     */
    public static List<String> problemsIn(Path dir) {
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(f -> f.getFileName().toString().endsWith(".camel.yaml")).sorted().toList();
        } catch (IOException e) {
            return List.of("--routes " + dir + ": cannot be read: " + e.getMessage());
        }
        if (files.isEmpty()) {
            return List.of("--routes " + dir + ": holds no *.camel.yaml file");
        }
        CamelContext context = new DefaultCamelContext(false);
        for (Path file : files) {
            try {
                PluginHelper.getRoutesLoader(context).loadRoutes(
                        ResourceHelper.resolveMandatoryResource(context, "file:" + file.toAbsolutePath()));
            } catch (Exception e) {
                return List.of("--routes " + file + ": does not load: " + Failures.causes(e));
            }
        }
        return missing(context).stream().map(m -> "--routes " + dir + ": " + m).toList();
    }

    static List<String> missing(CamelContext context) {
        List<RouteDefinition> routes = context.getCamelContextExtension().getContextPlugin(Model.class)
                .getRouteDefinitions();
        Set<String> consumed = routes.stream()
                .map(r -> directName(context, r.getInput().getEndpointUri()))
                .filter(name -> !name.isEmpty())
                .collect(Collectors.toSet());
        List<String> missing = new ArrayList<>();
        for (RouteDefinition route : routes) {
            for (SendDefinition<?> send : ProcessorDefinitionHelper.filterTypeInOutputs(route.getOutputs(),
                    SendDefinition.class)) {
                String name = directName(context, send.getEndpointUri());
                if (!name.isEmpty() && !consumed.contains(name)) {
                    missing.add("route " + route.getRouteId() + " sends to direct:" + name
                            + ", but no loaded route starts there (is a routes file missing?)");
                }
            }
        }
        return missing.stream().distinct().toList();
    }

    /** {@code name} of {@code direct:name} or {@code direct://name?options}; empty for any other endpoint. */
    static String directName(CamelContext context, String uri) {
        if (uri == null || !uri.startsWith("direct:")) {
            return "";
        }
        String name = uri.substring("direct:".length()).replaceFirst("^//", "");
        int query = name.indexOf('?');
        name = query < 0 ? name : name.substring(0, query);
        try {
            return context.resolvePropertyPlaceholders(name);
        } catch (RuntimeException e) {
            return name;
        }
    }
}
