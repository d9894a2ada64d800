package io.github.duplicityunattended.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import io.github.duplicityunattended.testsupport.UsesInstalledTools;

/** The deployment kit's shell scripts are executable and shellcheck finds nothing in them. */
@UsesInstalledTools
class ShellScriptsPassShellcheckTest {

    @ParameterizedTest
    @ValueSource(strings = {"container/entrypoint.sh", ".ci/install-deploy-tools", ".ci/install-duplicity-versions",
            "scripts/systemd-rootfs", "scripts/quickstart"})
    void shellcheckFindsNothing(String script) {
        Path path = DeployTools.file(script);
        assertTrue(Files.isExecutable(path), script + " must be executable");
        DeployTools.Result result = DeployTools.run(List.of(DeployTools.onPath("shellcheck"), path.toString()));
        assertEquals(0, result.exitCode(), result.toString());
    }
}
