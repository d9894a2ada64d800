package io.github.duplicityunattended.monitor;

import io.github.duplicityunattended.app.Flow;
import io.github.duplicityunattended.app.LazyBean;
import io.github.duplicityunattended.config.Config;
import io.github.duplicityunattended.config.MonitorConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.ses.SesClient;

/**
 * The beans and placeholders of {@code routes/monitor.camel.yaml}, made from the config. The S3 client is
 * built at the first check of an S3 target, the SES client at the first mail.
 */
public final class MonitorSetup implements Flow {

    private final Config config;
    private final Clock clock;
    private final boolean daemon;
    private final MonitorTarget target;

    /**
     * @param daemon true when the schedules run (not --once, --check or --test-email)
     */
    public MonitorSetup(Config config, Clock clock, boolean daemon) {
        this.config = config;
        this.clock = clock;
        this.daemon = daemon;
        this.target = MonitorTarget.of(config);
    }

    @Override
    public String routesFile() {
        return "monitor.camel.yaml";
    }

    @Override
    public Map<String, Object> beans() {
        MonitorConfig monitor = config.monitor();
        Map<String, Object> beans = new LinkedHashMap<>();
        beans.put("monitor", new Monitor(target, lister(), monitor, clock));
        beans.put("reportText", new ReportText());
        beans.put("failureNotice", new FailureNotice(hostName()));
        beans.put("mailLog", new MailLog());
        if (monitor.mailsReports()) {
            beans.put("sesClient", new LazyBean<>(SesClient.class, () -> AwsClients.ses(config)));
        }
        return beans;
    }

    @Override
    public Map<String, String> properties() {
        MonitorConfig monitor = config.monitor();
        String sender = monitor.sender().orElse("");
        Map<String, String> p = new LinkedHashMap<>();
        p.put("monitor.scheduled", String.valueOf(daemon && target.kind() != MonitorTarget.Kind.NONE));
        p.put("monitor.schedule", monitor.schedule());
        p.put("monitor.target", target.name());
        p.put("monitor.mails", String.valueOf(monitor.mailsReports()));
        p.put("monitor.sender", sender);
        p.put("monitor.sender-address", addressOf(sender));
        p.put("monitor.recipients", String.join(",", monitor.recipients()));
        return p;
    }

    private BucketLister lister() {
        return switch (target.kind()) {
            case S3 -> new S3BucketLister(() -> AwsClients.s3(config), target.name());
            case DIRECTORY -> new DirectoryLister(Path.of(target.name()));
            case NONE -> keys -> {
                throw new IOException(target.whyNotListed().orElseThrow());
            };
        };
    }

    /** {@code backup@example.com} of {@code Backups <backup@example.com>}. */
    static String addressOf(String sender) {
        int open = sender.lastIndexOf('<');
        int close = sender.lastIndexOf('>');
        return open >= 0 && close > open ? sender.substring(open + 1, close).strip() : sender.strip();
    }

    /** This host's name, as mails and notices name it. */
    public static String hostName() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException e) {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (IOException unknown) {
                return "localhost";
            }
        }
    }
}
