package cn.gdhrss.intake.reply;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An SMTP server that talks properly but refuses every message: {@code 451} to MAIL FROM (a
 * temporary refusal, RFC 5321 §4.2.5) or {@code 550} to RCPT TO (a permanent one).
 */
final class RefusingSmtpServer implements AutoCloseable {
    enum Refusal { TEMPORARY, PERMANENT }

    private final ServerSocket server;
    private final Refusal refusal;
    private final AtomicInteger refused = new AtomicInteger();
    private final Thread thread;

    RefusingSmtpServer(int port, Refusal refusal) throws IOException {
        this.server = new ServerSocket(port);
        this.refusal = refusal;
        this.thread = new Thread(this::serve, "refusing-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    int refused() {
        return refused.get();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                converse(socket);
            } catch (IOException e) {
                // closed by the test, or the client hung up
            }
        }
    }

    private void converse(Socket socket) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
        OutputStream out = socket.getOutputStream();
        say(out, "220 refuse.example ESMTP");
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String verb = line.toUpperCase(Locale.ROOT);
            if (verb.startsWith("QUIT")) {
                say(out, "221 bye");
                return;
            } else if (verb.startsWith("MAIL") && refusal == Refusal.TEMPORARY) {
                refused.incrementAndGet();
                say(out, "451 4.3.0 Mail server temporarily rejected message");
            } else if (verb.startsWith("RCPT") && refusal == Refusal.PERMANENT) {
                refused.incrementAndGet();
                say(out, "550 5.1.1 User unknown");
            } else {
                say(out, "250 ok");
            }
        }
    }

    private static void say(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
