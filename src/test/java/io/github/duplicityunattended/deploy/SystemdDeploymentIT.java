package io.github.duplicityunattended.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.duplicityunattended.testsupport.AppProcess;
import io.github.duplicityunattended.testsupport.GpgKey;
import io.github.duplicityunattended.testsupport.S3ProxyServer;
import io.github.duplicityunattended.testsupport.FaultProxy;
import io.github.duplicityunattended.testsupport.Hold;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deployment kit under a real systemd: a Debian 12 machine (systemd-nspawn) where the jar, the
 * units and the system user are installed by running README's Deploying commands as they stand. It
 * backs up /etc and /root, with a file only root can read, once through the timer's service to a local
 * target and then through the daemon to S3 (S3Proxy on the host, behind a proxy the test can stall);
 * restores each as root with plain duplicity and compares; stops the daemon mid-upload. The steps
 * build on each other, in order. Run with {@code mvn -B verify -Psystemd}, as root.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SystemdDeploymentIT {

    static final String CHECKOUT = "/usr/local/src/duplicity-unattended";
    static final String BUCKET = "systemd-test";
    static final String DAEMON = "duplicity-unattended.service";
    static final String ONCE = "duplicity-unattended-once.service";
    static final Duration STEP = Duration.ofMinutes(4);
    /** Lists the programs a backup runs that are still running in the machine: "PID NAME" lines. */
    static final String BACKUP_PROCESSES = "for p in /proc/[0-9]*; do c=$(cat \"$p/comm\" 2>/dev/null) || continue;"
            + " case $c in duplicity|gpg|gpg-agent|java) echo \"${p#/proc/} $c\";; esac; done";

    SystemdMachine machine;
    GpgKey key;
    S3ProxyServer s3;
    FaultProxy proxy;
    /** The daemon's second run's first volume upload, held from step 3 on. */
    Hold secondRun;
    /** How many steps have passed: each needs the ones before it. */
    int stepsPassed;

    @BeforeAll
    void bootTheMachine(@TempDir Path tmp) throws Exception {
        if (!"0".equals(DeployTools.run(List.of("id", "-u")).output().strip())) {
            if ("true".equals(System.getenv("CI"))) {
                fail("CI runs as root, so this test must run there");
            }
            assumeTrue(false, "systemd-nspawn needs root to boot a machine: run as root, as CI does");
        }
        Path image = rootFilesystem();
        key = GpgKey.create(tmp);
        s3 = S3ProxyServer.start(Files.createDirectories(tmp.resolve("s3-data")));
        s3.createBucket(BUCKET);
        proxy = FaultProxy.start(s3.endpoint());
        Path runs = Files.createDirectories(image.getParent().getParent().resolve("runs"));
        machine = SystemdMachine.boot(image, Files.createTempDirectory(runs, "run-"));
        Runtime.getRuntime().addShutdownHook(new Thread(this::powerOff));
    }

    @AfterAll
    void powerOff() {
        for (AutoCloseable part : new AutoCloseable[] {machine, proxy, s3, key}) {
            try {
                if (part != null) {
                    part.close();
                }
            } catch (Exception e) {
                e.printStackTrace();
            }
        }
        machine = null;
        proxy = null;
        s3 = null;
        key = null;
    }

    @Test
    @Order(1)
    void readmesInstallStepsInstallTheJarUnitsUserAndKeyAndTheProgramValidates() throws Exception {
        startStep(1);
        Path checkout = machine.root.resolve(CHECKOUT.substring(1));
        Files.createDirectories(checkout.resolve("target"));
        Files.copy(AppProcess.jar(), checkout.resolve("target/duplicity-unattended.jar"));
        Files.createDirectories(checkout.resolve("systemd"));
        try (Stream<Path> units = Files.list(DeployTools.root().resolve("systemd"))) {
            for (Path unit : units.toList()) {
                Files.copy(unit, checkout.resolve("systemd").resolve(unit.getFileName()));
            }
        }
        DeployTools.Result export = DeployTools.run(List.of("gpg", "--homedir", key.home().toString(), "--batch",
                "--armor", "--output", checkout.resolve("privkey.asc").toString(), "--export-secret-keys",
                key.fingerprint()));
        assertEquals(0, export.exitCode(), export.toString());
        Files.writeString(checkout.resolve("config.yaml"), config("""
                bucket_url: file:///srv/backup
                """));
        machine.ok("install -d -m 700 /root/private && head -c 100000 /dev/urandom > /root/private/secret"
                + " && chmod 600 /root/private/secret", STEP);

        for (String block : ReadmeCommands.under("### Install on the host")) {
            inCheckout(block);
        }
        inCheckout(ReadmeCommands.block("### The GnuPG key, in the unit's GnuPG home", 0)
                .replace("FINGERPRINT", key.fingerprint())
                + "gpg_as_service --batch --quiet --list-keys >/dev/null\n"
                + "sudo -u duplicity-unattended GNUPGHOME=/var/lib/duplicity-unattended/gnupg gpgconf --kill all\n");
        String check = inCheckout(ReadmeCommands.block("### Check, then start", 0));
        assertTrue(check.contains("Everything needed for a backup is in place."), check);
        stepsPassed = 1;
    }

    @Test
    @Order(2)
    void theTimerListsItsNextRunAndItsServiceBacksUpFilesOnlyRootCanRead() throws Exception {
        startStep(2);
        String timer = inCheckout(ReadmeCommands.block("### Check, then start", 2));
        assertTrue(timer.lines().anyMatch(l -> l.matches("\\w{3} \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d .*"
                + "duplicity-unattended\\.timer +" + ONCE + ".*")), "list-timers shows no next run:\n" + timer);
        assertEquals("Result=success\nExecMainStatus=0\n",
                machine.ok("systemctl show -p Result -p ExecMainStatus " + ONCE, STEP));
        restoreAndCompare("file:///srv/backup", "", "");
        stepsPassed = 2;
    }

    @Test
    @Order(3)
    void theDaemonBacksUpOnItsScheduleToS3() throws Exception {
        startStep(3);
        // the second run's first volume upload is held, so the backup compared below is the first one
        secondRun = proxy.hold(r -> r.method().equals("PUT") && r.target().contains(".difftar.")
                && proxy.requests().stream().filter(h -> h.method().equals("PUT") && h.target().contains(".manifest."))
                        .count() >= 2, 1);
        Files.writeString(machine.root.resolve(CHECKOUT.substring(1) + "/config.yaml"), config("""
                bucket_url: boto3+s3://%s
                s3_endpoint_url: %s
                aws_config_file: /etc/duplicity-unattended/aws_credentials
                schedule: "0/10 * * * * ?"
                """.formatted(BUCKET, proxy.endpoint())));
        inCheckout("install -m 640 -g duplicity-unattended config.yaml /etc/duplicity-unattended/config.yaml\n"
                + "printf '[Credentials]\\naws_access_key_id = %s\\naws_secret_access_key = %s\\n' | install -m 600"
                .formatted(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY)
                + " -o duplicity-unattended -g duplicity-unattended /dev/stdin /etc/duplicity-unattended/aws_credentials\n");
        inCheckout(ReadmeCommands.block("### Daemon or timer: pick one", 0));

        long deadline = System.nanoTime() + STEP.toNanos();
        while (!(hasManifest("etc/") && hasManifest("root/"))) {
            if (System.nanoTime() > deadline) {
                fail("no full backup of /etc and /root in S3 within " + STEP + ":\n" + journal());
            }
            Thread.sleep(500);
        }
        restoreAndCompare("boto3+s3://" + BUCKET, "BOTO_CONFIG=/etc/duplicity-unattended/aws_credentials",
                "--s3-endpoint-url " + s3.endpoint());
        stepsPassed = 3;
    }

    @Test
    @Order(4)
    void stoppingTheDaemonMidUploadEndsWithin45SecondsLeavingNoProcess() throws Exception {
        startStep(4);
        assertTrue(secondRun.heldWithin(STEP), "the daemon's second run uploaded no volume:\n" + journal());
        String running = machine.ok(BACKUP_PROCESSES, STEP);
        assertTrue(running.contains(" duplicity") && running.contains(" java"), "not mid-backup:\n" + running);

        long start = System.nanoTime();
        machine.ok("systemctl stop " + DAEMON, Duration.ofSeconds(90));
        long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
        System.out.println("systemctl stop of the daemon mid-upload took " + seconds + " s");
        assertTrue(seconds < 45, "systemctl stop took " + seconds + " s:\n" + journal());
        assertEquals("", machine.ok(BACKUP_PROCESSES, STEP), "left running after the stop");
        assertEquals("inactive\nsuccess\n", machine.ok("systemctl show --value -p ActiveState " + DAEMON
                + " && systemctl show --value -p Result " + DAEMON, STEP), "a stop is no failure:\n" + journal());
        stepsPassed = 4;
    }

    @Test
    @Order(5)
    void theJournalShowsNoFileSkippedAsLocked() throws Exception {
        startStep(5);
        String journal = journal();
        assertTrue(journal.contains("[/root]"), "no backup of /root in the journal:\n" + journal);
        assertFalse(journal.contains("Error accessing possibly locked file"), journal);
        stepsPassed = 5;
    }

    private void startStep(int step) {
        assumeTrue(stepsPassed == step - 1, "step " + (stepsPassed + 1) + " failed, and this one builds on it");
    }

    private String config(String target) {
        return """
                cloud: aws
                gpg_key_id: %s
                full_if_older_than: 1M
                backup_dirs:
                  - source: /etc
                  - source: /root
                """.formatted(key.fingerprint()) + target;
    }

    /** Runs a script from README in the checkout copied into the machine, as root. */
    private String inCheckout(String script) throws IOException, InterruptedException {
        return machine.ok("cd " + CHECKOUT + "\n" + script, STEP);
    }

    /**
     * Restores /etc and /root from {@code url} as root with plain duplicity (run with the environment
     * assignments and options given) and compares each with the tree on the machine: every entry's
     * type, mode, owner and group, every file's size and content, every link's target.
     */
    private void restoreAndCompare(String url, String environment, String options)
            throws IOException, InterruptedException {
        machine.ok("""
                export PASSPHRASE= GNUPGHOME=/var/tmp/restore/gnupg
                rm -rf /var/tmp/restore && install -d -m 700 /var/tmp/restore "$GNUPGHOME"
                trap 'gpgconf --kill all' EXIT
                gpg --batch --quiet --import %1$s/privkey.asc
                tree() (
                    cd "$1"
                    { find . -type d -printf '%%y %%m %%u:%%g %%p\n'
                      find . ! -type d -printf '%%y %%m %%u:%%g %%s %%p -> %%l\n'
                      find . -type f -exec sha256sum {} +; } | LC_ALL=C sort
                )
                for dir in /etc /root; do
                    env %2$s duplicity restore --archive-dir /var/tmp/restore/cache %3$s "%4$s$dir" "/var/tmp/restore$dir" >/dev/null
                    diff <(tree "$dir") <(tree "/var/tmp/restore$dir")
                done
                cmp /root/private/secret /var/tmp/restore/root/private/secret
                """.formatted(CHECKOUT, environment, options, url), STEP);
    }

    private boolean hasManifest(String folder) {
        return s3.keys(BUCKET).stream().anyMatch(k -> k.startsWith(folder + "duplicity-full.") && k.endsWith(".manifest.gpg"));
    }

    private String journal() throws IOException, InterruptedException {
        return machine.ok("journalctl --no-pager -o cat -u " + DAEMON + " -u " + ONCE, STEP);
    }

    /** The cached root filesystem scripts/systemd-rootfs builds (about two minutes the first time). */
    private static Path rootFilesystem() throws IOException, InterruptedException {
        Process build = new ProcessBuilder(DeployTools.file("scripts/systemd-rootfs").toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        build.getOutputStream().close();
        String out = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, build.waitFor(), "scripts/systemd-rootfs failed");
        return Path.of(out);
    }
}
