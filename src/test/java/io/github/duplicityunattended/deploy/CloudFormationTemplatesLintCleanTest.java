package io.github.duplicityunattended.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import io.github.duplicityunattended.testsupport.UsesInstalledTools;

/**
 * The JavaScript cfn-lint passes both templates, with the current CloudFormation resource
 * specification that .ci/install-deploy-tools puts in place of its bundled, older one, and it still
 * rejects what is wrong.
 */
@UsesInstalledTools
class CloudFormationTemplatesLintCleanTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "cfn/host-bucket.yaml    | ''",
            "cfn/host-bucket.yaml    | NoncurrentVersionExpirationDays=30",
            "cfn/backup-monitor.yaml | ''",
            // the other branch of every condition: an existing group, a domain identity created here
            "cfn/backup-monitor.yaml | ExistingGroupName=host-group,SenderIdentity=example.com,CreateSenderIdentity=true"})
    void passesCfnLint(String template, String parameters) {
        DeployTools.Result result = lint(DeployTools.file(template), parameters);
        assertEquals(0, result.exitCode(), template + " " + parameters + "\n" + result);
        assertTrue(result.output().contains("Template valid!"), result.toString());
        assertTrue(result.output().contains("0 warn"), result.toString());
    }

    @Test
    void aMisspeltPropertyIsRejected() throws IOException {
        String good = DeployTools.read(DeployTools.file("cfn/host-bucket.yaml"));
        String bad = good.replace("VersioningConfiguration:", "VersioningConfiguraton:");
        assertNotEquals(good, bad);
        Path copy = Files.writeString(dir.resolve("host-bucket.yaml"), bad);
        DeployTools.Result result = lint(copy, "");
        assertNotEquals(0, result.exitCode(), "cfn-lint passed a misspelt property, so its passes prove nothing:\n"
                + result);
        assertTrue(result.output().contains("VersioningConfiguraton is not a valid property"), result.toString());
    }

    @Test
    void theLinterUsesTheCurrentResourceSpecification() {
        String bundled = DeployTools.read(DeployTools.root().resolve(
                ".tools/deploy/node_modules/cfn-lint/data/aws_resources_specification.json"));
        assertTrue(bundled.contains("\"AWS::SES::EmailIdentity\""),
                "cfn-lint still has its old specification: " + DeployTools.INSTALL_HINT);
    }

    private static DeployTools.Result lint(Path template, String parameters) {
        List<String> command = new ArrayList<>(List.of(DeployTools.cfnLint(), "validate", template.toString()));
        if (!parameters.isEmpty()) {
            command.addAll(List.of("--parameters", parameters));
        }
        return DeployTools.run(command);
    }
}
