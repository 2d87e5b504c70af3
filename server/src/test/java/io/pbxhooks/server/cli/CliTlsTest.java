package io.pbxhooks.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pbxhooks.server.testing.TestCertificates;
import io.pbxhooks.server.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The CLI against a server serving TLS with a certificate of a private certificate authority. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CliTlsTest {

    private Path files;
    private Path authorityPem;
    private CliTestServer server;

    @BeforeAll
    void startOverTls() throws Exception {
        files = Files.createTempDirectory("pbxhooks-cli-tls");
        TestCertificates.Issued authority = TestCertificates.authority("pbxhooks CLI test CA");
        TestCertificates.Issued certificate = TestCertificates.server(authority, "localhost", "127.0.0.1");
        authorityPem = TestCertificates.write(files, "ca.pem", authority.certificatePem());
        server = CliTestServer.start(TestDatabase.Kind.H2, Map.of(
                "pbxhooks.grpc.tls.certificate-chain", TestCertificates.write(files, "chain.pem", certificate.certificatePem()).toString(),
                "pbxhooks.grpc.tls.private-key", TestCertificates.write(files, "key.pem", certificate.privateKeyPem()).toString()));
    }

    @AfterAll
    void stop() throws InterruptedException {
        server.close();
    }

    @Test
    void trustingThePrivateAuthorityWithTlsCaIsServed() {
        assertEquals(0, accountsList("--tls-ca", authorityPem.toString()).exitCode());
        Cli.Run created = Cli.run("accounts", "create", "acme", "--name", "Acme", "--tls", "--tls-ca", authorityPem.toString(),
                "--server", localhost(), "--key", CliTestServer.OPERATOR_KEY);
        assertEquals(0, created.exitCode(), created.transcript());
        Cli.Run listed = accountsList("--tls-ca", authorityPem.toString());
        assertTrue(listed.out().lines().anyMatch(line -> line.startsWith("acme ")), listed.transcript());
    }

    @Test
    void trustingOnlyTheSystemAuthoritiesIsUnavailableAndSaysWhy() {
        Cli.Run systemTrust = accountsList("--tls");
        assertEquals(ExitCodes.UNAVAILABLE, systemTrust.exitCode(), systemTrust.transcript());
        assertTrue(systemTrust.err().startsWith("Cannot set up TLS with the pbxhooks server: "), systemTrust.transcript());
        assertTrue(systemTrust.err().contains("--tls-ca FILE (or set PBXHOOKS_TLS_CA)"), systemTrust.transcript());

        Path otherAuthority = TestCertificates.write(files, "other-ca.pem", TestCertificates.authority("someone else's CA").certificatePem());
        Cli.Run wrongAuthority = accountsList("--tls-ca", otherAuthority.toString());
        assertEquals(ExitCodes.UNAVAILABLE, wrongAuthority.exitCode(), wrongAuthority.transcript());
        assertTrue(wrongAuthority.err().startsWith("Cannot set up TLS with the pbxhooks server: "), wrongAuthority.transcript());

        Cli.Run plaintext = accountsList();
        assertEquals(ExitCodes.UNAVAILABLE, plaintext.exitCode(), plaintext.transcript());
        assertTrue(plaintext.err().startsWith("Cannot reach the pbxhooks server"), plaintext.transcript());
    }

    @Test
    void anUnusableAuthorityFileIsAUsageError() throws Exception {
        Cli.Run missing = accountsList("--tls-ca", files.resolve("no-such.pem").toString());
        assertEquals(ExitCodes.USAGE, missing.exitCode(), missing.transcript());
        assertTrue(missing.err().startsWith("--tls-ca (or PBXHOOKS_TLS_CA): cannot read " + files.resolve("no-such.pem")), missing.transcript());

        Path notPem = Files.writeString(files.resolve("notes.txt"), "not a certificate\n");
        Cli.Run garbage = accountsList("--tls-ca", notPem.toString());
        assertEquals(ExitCodes.USAGE, garbage.exitCode(), garbage.transcript());
        assertTrue(garbage.err().startsWith("--tls-ca (or PBXHOOKS_TLS_CA): " + notPem), garbage.transcript());
    }

    private Cli.Run accountsList(String... tlsOptions) {
        String[] args = new String[tlsOptions.length + 6];
        args[0] = "accounts";
        args[1] = "list";
        System.arraycopy(tlsOptions, 0, args, 2, tlsOptions.length);
        System.arraycopy(new String[] {"--server", localhost(), "--key", CliTestServer.OPERATOR_KEY}, 0, args, 2 + tlsOptions.length, 4);
        return Cli.run(args);
    }

    private String localhost() {
        return "localhost:" + server.server().grpcPort();
    }
}
