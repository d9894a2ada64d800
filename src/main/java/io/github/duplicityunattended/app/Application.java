package io.github.duplicityunattended.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListener;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.main.MainSupport;

/**
 * The Camel Main process of one command: binds the beans of the flows it runs, sets their placeholders, and
 * loads their routes (built-in, or the copies in --routes DIR). Checks before start that the loaded routes
 * reach every route they send to.
 */
public final class Application {

    private final ProgramMain main = new ProgramMain();

    /**
     * @param flows     the flows this command runs
     * @param routesDir a dir of YAML routes to load instead of the built-in ones
     * @param wholeDir  load every {@code *.camel.yaml} of {@code routesDir} (also flows of the user's own), not
     *                  only the files of {@code flows}
     */
    public Application(List<Flow> flows, Optional<Path> routesDir, boolean wholeDir) {
        main.addMainListener(new RouteWiring());
        main.addMainListener(new DirLogContext());
        for (Flow flow : flows) {
            flow.beans().forEach(main::bindBean);
            flow.properties().forEach(main::addInitialProperty);
            flow.listeners().forEach(main::addMainListener);
        }
        main.configure().withRoutesIncludePattern(includePattern(flows, routesDir, wholeDir));
        main.configure().withShutdownTimeout(25);
        main.configure().withName("duplicity-unattended");
        // nothing reads Camel's MBeans; without them the start loads some 150 fewer classes
        main.configure().withJmxEnabled(false);
        // nor Quartz's: enlisting its scheduler would start the JVM's platform MBean server (some 170 classes)
        main.addInitialProperty("camel.component.quartz.enableJmx", "false");
        // Quartz's defaults but for its threads: made when a schedule fires, none kept while the daemon waits
        main.addInitialProperty("camel.component.quartz.propertiesFile",
                "classpath:duplicity-unattended-quartz.properties");
        // the routes name the SES client they mail with; autowiring would ask for it (and so build it, see
        // LazyBean) as soon as the component is resolved at start, not at the first mail
        main.addInitialProperty("camel.component.aws2-ses.autowiredEnabled", "false");
    }

    /** Which route files Camel loads: named one by one, since scanning the jar for a wildcard costs start-up time. */
    static String includePattern(List<Flow> flows, Optional<Path> routesDir, boolean wholeDir) {
        if (routesDir.isPresent() && wholeDir) {
            return "file:" + routesDir.get().toAbsolutePath() + "/*.camel.yaml";
        }
        String prefix = routesDir.map(d -> "file:" + d.toAbsolutePath() + "/").orElse("classpath:routes/");
        return flows.stream().map(f -> prefix + f.routesFile()).collect(Collectors.joining(","));
    }

    /** Adds a listener, such as one that logs when the daemon is up. */
    public Application with(MainListener listener) {
        main.addMainListener(listener);
        return this;
    }

    /** Serves the schedules until the process is stopped. */
    public void serve() throws Exception {
        main.run();
    }

    /**
     * Starts the routes with no schedule firing, sends one exchange to {@code endpoint} (such as
     * {@code direct:backup-run}), stops, and returns the reply.
     */
    public Reply request(String endpoint) throws Exception {
        return request(endpoint, null);
    }

    /** Like {@link #request(String)}, with {@code body} as the exchange's body (what a command asks for). */
    public Reply request(String endpoint, Object body) throws Exception {
        OnceListener once = new OnceListener(endpoint, body);
        oneOff(once);
        return once.result();
    }

    /** Starts the routes with no schedule firing and stops again, having sent nothing: a start-up to learn from. */
    public void startAndStop() throws Exception {
        oneOff(new MainListenerSupport() {
            @Override
            public void afterStart(BaseMainSupport started) {
                ((MainSupport) started).completed();
            }
        });
    }

    private void oneOff(MainListener listener) throws Exception {
        // nothing is scheduled in a one-off command: an idle scheduler only delays the exit
        main.addInitialProperty("camel.component.quartz.autoStartScheduler", "false");
        main.addInitialProperty("camel.component.quartz.interruptJobsOnShutdown", "true");
        main.addMainListener(listener);
        main.run();
    }

    /** Camel Main that can also bind a bean made on its first lookup. */
    private static final class ProgramMain extends Main {

        void bindBean(String name, Object bean) {
            LazyBean.bind(registry, name, bean);
        }
    }
}
