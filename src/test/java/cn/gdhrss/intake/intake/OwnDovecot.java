package cn.gdhrss.intake.intake;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Dovecot (installed by {@code ./run.sh test}) started on loopback ports from a throwaway
 * configuration under {@code dir}: its own users (password {@code secret}), IMAP and POP3 ports and
 * Maildirs {@code dir/home/<user>/Maildir}; no system configuration is read or touched. It serves
 * the mail as nobody, as a local delivery agent (our Postfix) writes it; the folders above
 * {@code dir} must be open to nobody (the caller's business: a JUnit temporary folder is not).
 */
public final class OwnDovecot implements AutoCloseable {
    private static final Path DOVECOT = Path.of("/usr/sbin/dovecot");
    public static final String PASSWORD = "secret";

    private final Path dir;
    private final int imapPort;
    private final int pop3Port;
    private Process process;

    public OwnDovecot(Path dir, List<String> users) throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(DOVECOT), "Dovecot is installed by ./run.sh test");
        this.dir = Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (String user : users) {
            for (String sub : List.of("new", "cur", "tmp")) {
                Files.createDirectories(maildir(user).resolve(sub));
            }
        }
        openToMailUser(dir.resolve("home"));
        Files.writeString(dir.resolve("users"),
                users.stream().map(user -> user + ":{PLAIN}" + PASSWORD + "\n").collect(Collectors.joining()), StandardCharsets.UTF_8);
        imapPort = freePort();
        pop3Port = freePort();
        Files.writeString(dir.resolve("dovecot.conf"), configuration(), StandardCharsets.UTF_8);
    }

    public OwnDovecot start() throws Exception {
        process = new ProcessBuilder(DOVECOT.toString(), "-c", dir.resolve("dovecot.conf").toString(), "-F")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("dovecot.out").toFile())).start();
        awaitPort(imapPort, process, dir.resolve("dovecot.out"));
        awaitPort(pop3Port, process, dir.resolve("dovecot.out"));
        return this;
    }

    /** Stops the server, its open IMAP and POP3 sessions with it, and waits until all are gone. */
    public void stop() throws Exception {
        if (process != null) {
            // The master leaves its running imap, log and stats processes behind when it ends: they go too.
            List<ProcessHandle> children = process.descendants().toList();
            process.destroy();
            process.waitFor(20, TimeUnit.SECONDS);
            for (ProcessHandle child : children) {
                child.destroyForcibly();
            }
            for (ProcessHandle child : children) {
                child.onExit().get(20, TimeUnit.SECONDS);
            }
            process = null;
        }
    }

    @Override
    public void close() throws Exception {
        stop();
    }

    public int imapPort() {
        return imapPort;
    }

    public int pop3Port() {
        return pop3Port;
    }

    public Path home() {
        return dir.resolve("home");
    }

    public Path maildir(String user) {
        return home().resolve(user).resolve("Maildir");
    }

    private String configuration() {
        return """
                protocols = imap pop3
                listen = 127.0.0.1
                base_dir = %1$s/run
                state_dir = %1$s/state
                log_path = %1$s/dovecot.log
                ssl = no
                disable_plaintext_auth = no
                auth_mechanisms = plain login
                first_valid_uid = 1
                passdb {
                  driver = passwd-file
                  args = scheme=PLAIN username_format=%%u %1$s/users
                }
                userdb {
                  driver = static
                  args = uid=65534 gid=65534 home=%1$s/home/%%u
                }
                mail_location = maildir:~/Maildir
                service imap-login {
                  chroot =
                  inet_listener imap {
                    address = 127.0.0.1
                    port = %2$d
                  }
                  inet_listener imaps {
                    port = 0
                  }
                }
                service pop3-login {
                  chroot =
                  inet_listener pop3 {
                    address = 127.0.0.1
                    port = %3$d
                  }
                  inet_listener pop3s {
                    port = 0
                  }
                }
                service anvil {
                  chroot =
                }
                """.formatted(dir.toAbsolutePath(), imapPort, pop3Port);
    }

    /** The servers run as nobody: the test's folders must be open to them. */
    public static void openToMailUser(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxrwxrwx"));
            }
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Waits until {@code port} on loopback accepts, failing with the server's output if it died. */
    public static void awaitPort(int port, Process process, Path output) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    break;
                }
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("Server did not start on port " + port + ": " + Files.readString(output, StandardCharsets.UTF_8));
    }
}
