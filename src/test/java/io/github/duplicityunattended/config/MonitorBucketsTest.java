package io.github.duplicityunattended.config;

import static io.github.duplicityunattended.config.ConfigFixture.valid;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.duplicityunattended.config.MonitorConfig.Bucket;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code monitor.bucket} naming several buckets, and {@code monitor.list_threads}. */
class MonitorBucketsTest {

    @RegisterExtension
    final ConfigFixture f = new ConfigFixture();

    @Test
    void aListOfNamesAndMappingsIsEveryBucketInConfigOrder() throws Exception {
        assertEquals(List.of(
                Bucket.named("backup-host1"),
                new Bucket("backup-host2", "", List.of("etc", "srv/www")),
                new Bucket("shared-backups", "host3/daily", List.of())), f.monitor("""
                bucket:
                  - backup-host1
                  - name: backup-host2
                    folders: [etc, /srv/www/, etc]
                  - name: shared-backups
                    prefix: /host3//daily/
                """).buckets());
    }

    @Test
    void oneMappingIsOneBucket() throws Exception {
        assertEquals(List.of(new Bucket("shared-backups", "host1", List.of("etc"))),
                f.monitor("bucket: {name: shared-backups, prefix: host1, folders: [etc]}").buckets());
    }

    @Test
    void anEmptyBucketIsTheBucketOfBucketUrlAsBefore() throws Exception {
        assertEquals(List.of(Bucket.named("my-host-backup")), f.monitor("bucket: ''").buckets());
    }

    @Test
    void everyWrongEntryIsNamedByItsPlaceInTheList() {
        assertEquals(List.of(
                f.problem("monitor.bucket[0]: must be a bucket's name such as my-host-backup, not a URL"
                        + " ('s3://backup-host1')"),
                f.problem("monitor.bucket[1].name: must be a bucket's name, not 'backup-host2/host1'; for the keys"
                        + " under a prefix write {name: backup-host2, prefix: host1}"),
                f.problem("monitor.bucket[2].name: is required"),
                f.problem("monitor.bucket[3]: must not be empty; write a bucket's name, or \"- name: my-bucket\""),
                f.problem("monitor.bucket[4]: must be a bucket's name or a mapping such as {name: my-bucket, prefix:"
                        + " host1}, not a list"),
                f.problem("monitor.bucket[5].prefixes: unknown key (did you mean prefix?)"),
                f.problem("monitor.bucket[5].folders[0]: must name a folder such as etc or srv/www, not '/'"),
                f.problem("monitor.bucket[6]: must be a bucket's name, which has no spaces, not 'my backups'")),
                f.monitorProblems("""
                        bucket:
                          - s3://backup-host1
                          - name: backup-host2/host1
                          - prefix: host3
                          -
                          - [a, b]
                          - name: backup-host5
                            prefixes: x
                            folders: [/, etc]
                          - my backups
                        """));
    }

    @Test
    void noPartOfABucketMayBeListedTwice() {
        assertEquals(List.of(
                f.problem("monitor.bucket[2]: backup-host1 is already listed by monitor.bucket[0]"),
                f.problem("monitor.bucket[3]: shared overlaps shared/host1 of monitor.bucket[1]: their folders would"
                        + " be listed twice"),
                f.problem("monitor.bucket[4]: shared/host1/etc overlaps shared/host1 of monitor.bucket[1]: their"
                        + " folders would be listed twice")),
                f.monitorProblems("""
                        bucket:
                          - backup-host1
                          - {name: shared, prefix: host1}
                          - backup-host1
                          - shared
                          - {name: shared, prefix: host1/etc}
                          - {name: shared, prefix: host10}
                        """));
    }

    @Test
    void anEmptyListIsRefused() {
        assertEquals(List.of(f.problem("monitor.bucket: must name at least one bucket")),
                f.monitorProblems("bucket: []"));
    }

    @Test
    void listThreadsIsAWholeNumberFromOneToFifty() throws Exception {
        assertEquals(50, f.monitor("list_threads: 50").listThreads());
        assertEquals(List.of(f.problem("monitor.list_threads: must be a whole number of at least 1, not '0'")),
                f.monitorProblems("list_threads: 0"));
        assertEquals(List.of(f.problem("monitor.list_threads: must be at most 50 (the S3 client keeps 50"
                + " connections), not '51'")), f.monitorProblems("list_threads: 51"));
    }

    @Test
    void googleCloudStorageHasNoBucketsToList() {
        assertEquals(List.of(f.problem("monitor.bucket: the monitor lists S3 buckets and file:// dirs, not Google"
                + " Cloud Storage; remove it with cloud: gcp")), f.problems(valid().set("cloud", "gcp")
                .set("bucket_url", "gs://my-host-backup").set("monitor", "bucket: [a, b]")));
    }
}
