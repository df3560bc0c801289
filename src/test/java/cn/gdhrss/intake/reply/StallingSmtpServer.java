package cn.gdhrss.intake.reply;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An SMTP server that stalls on purpose, so a test can kill the sender at a known point: either
 * before greeting (the sender is connected, nothing sent) or after the message's final dot (the
 * server has the whole message but never answers).
 */
final class StallingSmtpServer implements AutoCloseable {
    /** NEVER: a server that answers the final dot as Postfix does, with its queue id ({@link #QUEUE_ID}). */
    enum StallAt { GREETING, END_OF_DATA, NEVER }

    static final String QUEUE_ID = "4Qx7Kp1Z2mz3";

    private final ServerSocket server;
    private final StallAt stallAt;
    private final CountDownLatch stalled = new CountDownLatch(1);
    private final Thread thread;

    StallingSmtpServer(StallAt stallAt) throws IOException {
        this.server = new ServerSocket(0);
        this.stallAt = stallAt;
        this.thread = new Thread(this::serve, "stalling-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return server.getLocalPort();
    }

    boolean awaitStall(long seconds) throws InterruptedException {
        return stalled.await(seconds, TimeUnit.SECONDS);
    }

    private void serve() {
        try (Socket socket = server.accept()) {
            if (stallAt == StallAt.GREETING) {
                stalled.countDown();
                socket.getInputStream().read();
                return;
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            OutputStream out = socket.getOutputStream();
            say(out, "220 stall.example ESMTP");
            boolean inData = false;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (inData) {
                    if (line.equals(".") && stallAt == StallAt.NEVER) {
                        say(out, "250 2.0.0 Ok: queued as " + QUEUE_ID);
                        inData = false;
                    } else if (line.equals(".")) {
                        stalled.countDown();
                        socket.getInputStream().read();
                        return;
                    }
                } else if (line.toUpperCase(java.util.Locale.ROOT).startsWith("DATA")) {
                    say(out, "354 go ahead");
                    inData = true;
                } else if (line.toUpperCase(java.util.Locale.ROOT).startsWith("QUIT")) {
                    say(out, "221 bye");
                    return;
                } else {
                    say(out, "250 ok");
                }
            }
        } catch (IOException e) {
            // the client was killed: that is the point
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
