package cn.gdhrss.intake.intake;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A scripted IMAP server that behaves like NetEase (163/126) and Coremail: it offers ID and answers
 * SELECT with "NO Unsafe Login" on a connection that has not sent ID. It holds an empty INBOX.
 * GreenMail offers no ID, so this is how the tests see what a client sends.
 */
final class NeteaseLikeImapServer implements AutoCloseable {
    private final ServerSocket socket;
    private final boolean answersId;
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    /** @param answersId false: offers ID but answers it with BAD, and then does not insist on it */
    NeteaseLikeImapServer(boolean answersId) throws IOException {
        this.socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        this.answersId = answersId;
        this.acceptor = new Thread(this::serve, "netease-like-imap");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    /** Every command line received, tags removed, in order. */
    List<String> commands() {
        return List.copyOf(commands);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                converse(client);
            } catch (IOException e) {
                // closed by the test or by the client: wait for the next connection
            }
        }
    }

    private void converse(Socket client) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
        OutputStream out = client.getOutputStream();
        send(out, "* OK Coremail System IMap Server Ready(163com[20141201])");
        boolean identified = !answersId;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            int space = line.indexOf(' ');
            String tag = space < 0 ? line : line.substring(0, space);
            String command = space < 0 ? "" : line.substring(space + 1);
            commands.add(command);
            String verb = command.split(" ", 2)[0].toUpperCase(Locale.ROOT);
            switch (verb) {
                case "CAPABILITY" -> send(out, "* CAPABILITY IMAP4rev1 XLIST SPECIAL-USE ID LITERAL+ STARTTLS XAPPLEPUSHSERVICE UIDPLUS X-CM-EXT-1",
                        tag + " OK CAPABILITY completed");
                case "LOGIN" -> send(out, tag + " OK LOGIN completed");
                case "ID" -> {
                    identified = true;
                    send(out, answersId ? "* ID (\"name\" \"Coremail Imap\" \"vendor\" \"Mailtech\")" : "",
                            tag + (answersId ? " OK ID completed" : " BAD command not supported"));
                }
                case "SELECT", "EXAMINE" -> send(out, identified
                        ? new String[] {"* 0 EXISTS", "* 0 RECENT", "* OK [UIDVALIDITY 7] UIDs valid", "* OK [UIDNEXT 1] next",
                                "* FLAGS (\\Answered \\Seen \\Deleted \\Draft \\Flagged)", tag + " OK [READ-WRITE] " + verb + " completed"}
                        : new String[] {tag + " NO SELECT Unsafe Login. Please contact kefu@188.com for help"});
                case "LIST" -> send(out, "* LIST (\\HasNoChildren) \"/\" \"INBOX\"", tag + " OK LIST completed");
                case "NOOP", "CLOSE", "UID" -> send(out, tag + " OK " + verb + " completed");
                case "LOGOUT" -> {
                    send(out, "* BYE IMAP4rev1 Server logging out", tag + " OK LOGOUT completed");
                    return;
                }
                default -> send(out, tag + " BAD command not supported");
            }
        }
    }

    private static void send(OutputStream out, String... lines) throws IOException {
        for (String line : lines) {
            if (!line.isEmpty()) {
                out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        out.flush();
    }
}
