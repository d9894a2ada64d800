package io.github.duplicityunattended.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * cfn/backup-monitor.yaml: the monitor lists buckets and sends email from its sender identity,
 * nothing more; and both templates document every parameter.
 */
class BackupMonitorIsLeastPrivilegeTest {

    final Template template = Template.read("cfn/backup-monitor.yaml");

    @Test
    void itOnlyListsBucketsAndSendsEmail() {
        assertEquals(List.of("s3:ListBucket", "ses:SendEmail"), template.allowedActions().stream().sorted().toList(),
                "never s3:GetObject: reading Standard-IA objects is billed per GB");
    }

    @Test
    void itListsOnlyTheMonitoredBuckets() {
        Template.Statement list = allowing("s3:ListBucket");
        String resource = list.body().get("Resource").toString();
        assertTrue(resource.contains("MonitoredBucketNames"), resource);
        assertFalse(resource.contains("*"), "no wildcard bucket: " + resource);
    }

    @Test
    void sesIsLimitedToTheSenderIdentityAndAddress() {
        Template.Statement send = allowing("ses:SendEmail");
        Object resource = send.body().get("Resource");
        assertTrue(resource instanceof Template.Tagged t && t.function().equals("!Sub"), "an identity ARN: " + resource);
        String arn = resource.toString();
        assertTrue(arn.contains(":ses:${AWS::Region}:${AWS::AccountId}:identity/${Identity}"), arn);
        assertFalse(arn.contains("identity/*"), arn);
        Map<String, Object> condition = Template.map(send.body().get("Condition"), "condition");
        Map<String, Object> equals = Template.map(condition.get("StringEquals"), "StringEquals");
        assertEquals(new Template.Tagged("!Ref", "SenderAddress"), equals.get("ses:FromAddress"));
    }

    @Test
    void theSesIdentityIsCreatedOnlyWhenAsked() {
        List<String> identities = template.resourcesOfType("AWS::SES::EmailIdentity");
        assertEquals(1, identities.size());
        String condition = (String) template.resource(identities.get(0)).get("Condition");
        assertTrue(template.section("Conditions").containsKey(condition), "created under a condition");
        Map<String, Object> parameter = Template.map(template.section("Parameters").get("CreateSenderIdentity"), "p");
        assertEquals("false", parameter.get("Default"));
    }

    @Test
    void noAccessKeyIsCreatedOrOutput() {
        assertEquals(List.of(), template.resourcesOfType("AWS::IAM::AccessKey"));
        assertFalse(template.section("Outputs").toString().contains("SecretAccessKey"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"cfn/host-bucket.yaml", "cfn/backup-monitor.yaml"})
    void everyParameterIsDocumented(String file) {
        Template t = Template.read(file);
        assertTrue(t.root.get("Description") instanceof String d && !d.isBlank(), file + " has no Description");
        t.section("Parameters").forEach((name, definition) -> {
            Object description = Template.map(definition, name).get("Description");
            assertTrue(description instanceof String d && d.length() > 20, file + " parameter " + name
                    + " needs a Description that says what to enter");
        });
    }

    private Template.Statement allowing(String action) {
        List<Template.Statement> statements = template.statements().stream()
                .filter(s -> s.allows() && s.actions().contains(action))
                .toList();
        assertEquals(1, statements.size(), "one statement allows " + action);
        return statements.get(0);
    }
}
