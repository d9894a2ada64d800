package io.github.duplicityunattended.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * cfn/host-bucket.yaml: a private, versioned bucket whose host user can list, read, write and
 * delete current objects and nothing else, so a stolen host key never destroys history.
 */
class HostBucketKeepsHistoryTest {

    static final Set<String> HOST_ACTIONS = Set.of(
            "s3:ListBucket", "s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload");
    /** What would let a host destroy history or weaken the bucket. */
    static final Set<String> DESTRUCTIVE = Set.of(
            "s3:DeleteObjectVersion", "s3:DeleteBucket", "s3:PutBucketVersioning", "s3:PutLifecycleConfiguration",
            "s3:PutBucketPolicy", "s3:DeleteBucketPolicy");

    final Template template = Template.read("cfn/host-bucket.yaml");

    @Test
    void versioningIsEnabled() {
        Map<String, Object> versioning = Template.map(bucket().get("VersioningConfiguration"), "versioning");
        assertEquals("Enabled", versioning.get("Status"));
    }

    @Test
    void incompleteMultipartUploadsAreAbortedAfterSevenDays() {
        Map<String, Object> rule = rule("AbortIncompleteMultipartUpload");
        assertEquals("Enabled", rule.get("Status"));
        assertEquals("7", Template.map(rule.get("AbortIncompleteMultipartUpload"), "abort").get("DaysAfterInitiation"));
    }

    @Test
    void noncurrentVersionsExpireAfterADocumentedParameterOfAtLeastThirtyDays() {
        Map<String, Object> rule = rule("NoncurrentVersionExpiration");
        assertEquals("Enabled", rule.get("Status"));
        Object days = Template.map(rule.get("NoncurrentVersionExpiration"), "expiration").get("NoncurrentDays");
        assertTrue(days instanceof Template.Tagged t && t.function().equals("!Ref"), "days come from a parameter");
        Map<String, Object> parameter = Template.map(
                template.section("Parameters").get(((Template.Tagged) days).value()), "the days parameter");
        assertEquals("Number", parameter.get("Type"));
        assertEquals("90", parameter.get("Default"));
        assertEquals("30", parameter.get("MinValue"), "Standard-IA bills 30 days anyway");
    }

    @Test
    void theBucketIsPrivateEncryptedAndOutlivesTheStack() {
        Map<String, Object> block = Template.map(bucket().get("PublicAccessBlockConfiguration"), "public access");
        for (String setting : List.of("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls",
                "RestrictPublicBuckets")) {
            assertEquals("true", block.get(setting), setting);
        }
        assertTrue(bucket().containsKey("BucketEncryption"));
        assertEquals("Retain", template.resource(bucketId()).get("DeletionPolicy"));
        assertEquals("Retain", template.resource(bucketId()).get("UpdateReplacePolicy"));
    }

    @Test
    void theHostMayOnlyListGetPutAndDeleteCurrentObjects() {
        List<String> allowed = template.allowedActions();
        assertFalse(allowed.isEmpty());
        for (String action : allowed) {
            assertTrue(HOST_ACTIONS.contains(action), action + " is more than a host needs");
        }
        String arn = bucketId() + ".Arn";
        for (Template.Statement s : template.statements()) {
            for (Object resource : s.allows() ? Template.asList(s.body().get("Resource")) : List.of()) {
                assertTrue(resource instanceof Template.Tagged t
                                && (arn.equals(t.value()) || ("${" + arn + "}/*").equals(t.value())),
                        "only the bucket and its objects, not " + resource + " in " + s.resource());
            }
        }
    }

    @Test
    void nothingGrantsDestroyingHistoryOrWeakeningTheBucket() {
        List<String> allowed = template.allowedActions();
        for (String action : allowed) {
            assertFalse(action.equals("*") || action.endsWith(":*"), "wildcard action " + action);
            assertFalse(DESTRUCTIVE.contains(action), action + " must never be granted");
        }
    }

    @Test
    void theBucketPolicyRefusesTheHostUserDestructionEvenIfItsPolicyIsWidened() {
        List<Template.Statement> denials = template.statements().stream()
                .filter(s -> "Deny".equals(s.effect()))
                .filter(s -> s.body().get("Principal") instanceof Map<?, ?> p
                        && p.get("AWS") instanceof Template.Tagged t && t.value().equals("HostUser.Arn"))
                .toList();
        assertEquals(1, denials.size(), "one Deny statement for the host user");
        assertTrue(denials.get(0).actions().containsAll(DESTRUCTIVE), denials.get(0).actions().toString());
    }

    @Test
    void outputsTheBucketAndUserButNeverAnAccessKey() {
        assertTrue(template.section("Outputs").keySet().containsAll(List.of("BucketName", "BucketArn", "UserName")));
        assertEquals(List.of(), template.resourcesOfType("AWS::IAM::AccessKey"), "access keys are made by hand");
        assertFalse(template.section("Outputs").toString().contains("SecretAccessKey"));
    }

    private String bucketId() {
        List<String> buckets = template.resourcesOfType("AWS::S3::Bucket");
        assertEquals(1, buckets.size(), "one bucket");
        return buckets.get(0);
    }

    private Map<String, Object> bucket() {
        return template.properties(bucketId());
    }

    /** The lifecycle rule that has {@code key}. */
    private Map<String, Object> rule(String key) {
        Map<String, Object> lifecycle = Template.map(bucket().get("LifecycleConfiguration"), "lifecycle");
        return Template.asList(lifecycle.get("Rules")).stream()
                .map(r -> Template.map(r, "rule"))
                .filter(r -> r.containsKey(key))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no lifecycle rule with " + key));
    }
}
