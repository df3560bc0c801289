package cn.gdhrss.intake.intake;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Postfix (installed by {@code ./run.sh test}), an instance of its own started from a
 * throwaway configuration under {@code dir}: SMTP on a loopback port, its own queue, and virtual
 * delivery (as nobody) of the given domains into Maildirs under {@code mailboxBase}, chosen by
 * {@code mailboxMaps} (a Postfix lookup table such as {@code static:inbox/} or
 * {@code inline:{a@x.cn=a/Maildir/}}). No system configuration is read or touched.
 */
public final class OwnPostfix implements AutoCloseable {
    private static final Path POSTFIX = Path.of("/usr/sbin/postfix");

    private final Path dir;
    private final int port;
    private Process process;

    public OwnPostfix(Path dir, String domains, Path mailboxBase, String mailboxMaps) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(POSTFIX), "Postfix is installed by ./run.sh test");
        this.dir = dir;
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path config = Files.createDirectories(dir.resolve("etc"));
        Files.createDirectories(dir.resolve("queue"));
        Path data = Files.createDirectories(dir.resolve("postfix-data"));
        UserPrincipal owner = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postfix");
        Files.setOwner(data, owner);
        port = OwnDovecot.freePort();
        Files.writeString(config.resolve("main.cf"), mainCf(domains, mailboxBase, mailboxMaps), StandardCharsets.UTF_8);
        Files.writeString(config.resolve("master.cf"), masterCf(), StandardCharsets.UTF_8);
        process = new ProcessBuilder(POSTFIX.toString(), "-c", config.toString(), "start-fg")
                .redirectErrorStream(true).redirectOutput(log().toFile()).start();
        OwnDovecot.awaitPort(port, process, log());
    }

    public int port() {
        return port;
    }

    /** What Postfix logged (its maillog goes to stdout): the first place to look when mail did not arrive. */
    public Path log() {
        return dir.resolve("postfix.log");
    }

    @Override
    public void close() throws Exception {
        if (process != null) {
            new ProcessBuilder(POSTFIX.toString(), "-c", dir.resolve("etc").toString(), "stop")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(20, TimeUnit.SECONDS);
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private String mainCf(String domains, Path mailboxBase, String mailboxMaps) {
        return """
                compatibility_level = 3.6
                queue_directory = %1$s/queue
                data_directory = %1$s/postfix-data
                mail_owner = postfix
                setgid_group = postdrop
                myhostname = mx.test.local
                inet_interfaces = 127.0.0.1
                inet_protocols = ipv4
                mydestination =
                mynetworks = 127.0.0.0/8
                relayhost =
                smtpd_relay_restrictions = permit_mynetworks, reject
                virtual_mailbox_domains = %2$s
                virtual_mailbox_base = %3$s
                virtual_mailbox_maps = %4$s
                virtual_uid_maps = static:65534
                virtual_gid_maps = static:65534
                virtual_minimum_uid = 100
                smtputf8_enable = yes
                maillog_file = /dev/stdout
                """.formatted(dir.toAbsolutePath(), domains, mailboxBase.toAbsolutePath(), mailboxMaps);
    }

    private String masterCf() {
        return ("127.0.0.1:%d inet n - n - - smtpd%n").formatted(port) + """
                pickup    unix  n - n 60 1 pickup
                cleanup   unix  n - n - 0 cleanup
                qmgr      unix  n - n 300 1 qmgr
                rewrite   unix  - - n - - trivial-rewrite
                bounce    unix  - - n - 0 bounce
                defer     unix  - - n - 0 bounce
                trace     unix  - - n - 0 bounce
                verify    unix  - - n - 1 verify
                flush     unix  n - n 1000? 0 flush
                proxymap  unix  - - n - - proxymap
                smtp      unix  - - n - - smtp
                relay     unix  - - n - - smtp
                showq     unix  n - n - - showq
                error     unix  - - n - - error
                retry     unix  - - n - - error
                discard   unix  - - n - - discard
                local     unix  - n n - - local
                virtual   unix  - n n - - virtual
                lmtp      unix  - - n - - lmtp
                anvil     unix  - - n - 1 anvil
                scache    unix  - - n - 1 scache
                postlog   unix-dgram n - n - 1 postlogd
                """;
    }
}
