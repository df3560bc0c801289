package cn.gdhrss.intake.intake;

import cn.gdhrss.intake.config.MailboxSettings;
import cn.gdhrss.intake.config.MailboxSettings.AfterCommit;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.angus.mail.pop3.POP3Folder;
import org.eclipse.angus.mail.pop3.POP3Message;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The POP3 maildrop (pop3, pop3s, or pop3 upgraded with STLS, RFC 2595 §4), each message known by
 * its UIDL (RFC 1939 §7). POP3 has no flags, folders or arrival time: {@code uidValidity} is 0,
 * {@code receivedAt} null, and only the DELETE action does anything; the register's list of taken
 * UIDLs is what keeps a message from being taken twice.
 */
public final class Pop3Source implements MailSource {
    private static final Logger LOG = LoggerFactory.getLogger(Pop3Source.class);

    private final MailboxSettings settings;
    private final Session session;
    private final Map<String, POP3Message> byUid = new HashMap<>();
    private @Nullable Store store;
    private @Nullable POP3Folder folder;

    public Pop3Source(MailboxSettings settings) {
        this(settings, MailSessionFactory.create(settings));
    }

    Pop3Source(MailboxSettings settings, Session session) {
        this.settings = settings;
        this.session = session;
    }

    @Override
    public String mailbox() {
        return settings.mailboxName();
    }

    /** Logs in and opens the maildrop; read-write only when messages are to be deleted. */
    @Override
    public void open() {
        String password = settings.password().orElseThrow(() -> MailboxFailures.noPassword(settings));
        Store connected;
        try {
            connected = session.getStore(settings.protocol());
        } catch (MessagingException e) {
            throw MailboxFailures.unavailable(settings, e);
        }
        try {
            connected.connect(settings.host(), settings.port(), settings.user(), password);
            // POP3 has one maildrop, whatever mailbox.folder says.
            POP3Folder opened = (POP3Folder) connected.getFolder("INBOX");
            opened.open(settings.after() == AfterCommit.DELETE ? Folder.READ_WRITE : Folder.READ_ONLY);
            store = connected;
            folder = opened;
        } catch (MessagingException e) {
            closeQuietly(connected);
            throw MailboxFailures.unavailable(settings, e);
        }
    }

    /**
     * Messages whose UIDL is not yet taken, in maildrop order. With DELETE, a message taken by an
     * earlier pass that stopped before QUIT is marked for deletion again here.
     */
    @Override
    public List<SourceMessage> pending(MailboxState state) {
        POP3Folder open = requireOpen();
        byUid.clear();
        try {
            Message[] found = open.getMessages();
            open.fetch(found, listingProfile());
            List<SourceMessage> listed = new ArrayList<>();
            for (Message message : found) {
                String uid = uidOf(open, message);
                byUid.put(uid, (POP3Message) message);
                if (!state.isTaken(0, uid)) {
                    listed.add(new SourceMessage(uid, 0, null, Math.max(0, message.getSize())));
                } else if (settings.after() == AfterCommit.DELETE) {
                    message.setFlag(Flags.Flag.DELETED, true);
                }
            }
            return listed;
        } catch (MessagingException e) {
            throw MailboxFailures.unavailable(settings, e);
        }
    }

    /**
     * RETR streamed to a temporary file, which the returned stream deletes when closed: Angus would
     * otherwise keep the message in memory, or every message of the session in one cache file.
     */
    @Override
    public InputStream openRaw(SourceMessage message) throws IOException {
        POP3Message found = byUid.get(message.uid());
        if (found == null) {
            throw new IOException("Mailbox " + mailbox() + ": UIDL '" + message.uid() + "' was not listed in this session");
        }
        Path spool = Files.createTempFile("pop3-", ".eml");
        try (OutputStream out = Files.newOutputStream(spool)) {
            found.writeTo(out);
        } catch (IOException | MessagingException | RuntimeException e) {
            Files.deleteIfExists(spool);
            throw new IOException("Mailbox " + mailbox() + ": UIDL '" + message.uid() + "' cannot be retrieved: " + e.getMessage(), e);
        }
        return Files.newInputStream(spool, StandardOpenOption.DELETE_ON_CLOSE);
    }

    /** DELETE marks the message; the server removes it at QUIT, in {@link #close}. */
    @Override
    public void afterCommit(SourceMessage message) {
        switch (settings.after()) {
            case DELETE -> markDeleted(message);
            case SEEN, MOVE -> LOG.debug("Mailbox {}: POP3 cannot {} UIDL '{}'; the register remembers it was taken",
                    mailbox(), settings.after(), message.uid());
            case LEAVE -> { }
        }
    }

    @Override
    public boolean stillConnected() {
        POP3Folder open = folder;
        Store connected = store;
        // isConnected sends a NOOP: a server that went away answers nothing and the store says so.
        return open != null && open.isOpen() && connected != null && connected.isConnected();
    }

    /** Ends the session; with DELETE, QUIT makes the server remove the marked messages (RFC 1939 §6). */
    @Override
    public void close() {
        POP3Folder open = folder;
        folder = null;
        byUid.clear();
        if (open != null && open.isOpen()) {
            try {
                open.close(settings.after() == AfterCommit.DELETE);
            } catch (MessagingException e) {
                LOG.warn("Mailbox {}: QUIT failed; messages marked for deletion stay on the server until the next pass",
                        mailbox(), e);
            }
        }
        Store connected = store;
        store = null;
        if (connected != null) {
            closeQuietly(connected);
        }
    }

    private void markDeleted(SourceMessage message) {
        POP3Message found = byUid.get(message.uid());
        if (found == null) {
            return;
        }
        try {
            found.setFlag(Flags.Flag.DELETED, true);
        } catch (MessagingException e) {
            LOG.warn("Mailbox {}: registered UIDL '{}' could not be marked for deletion", mailbox(), message.uid(), e);
        }
    }

    private String uidOf(POP3Folder open, Message message) throws MessagingException {
        String uid = open.getUID(message);
        if (uid == null || uid.isBlank()) {
            throw new MailboxUnavailableException(
                    "Mailbox " + mailbox() + ": the server does not support UIDL (RFC 1939 §7), so messages cannot be told apart",
                    "邮件服务器不支持 POP3 UIDL 命令，无法区分已收取的邮件；请改用 IMAP", null);
        }
        return uid;
    }

    private static FetchProfile listingProfile() {
        FetchProfile profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        profile.add(FetchProfile.Item.SIZE);
        return profile;
    }

    private POP3Folder requireOpen() {
        POP3Folder open = folder;
        if (open == null || !open.isOpen()) {
            throw new MailboxUnavailableException("Mailbox " + mailbox() + " is not open", "邮箱连接已断开：" + mailbox(), null);
        }
        return open;
    }

    private void closeQuietly(Store connected) {
        try {
            connected.close();
        } catch (MessagingException e) {
            LOG.debug("Mailbox {}: closing the POP3 store failed", mailbox(), e);
        }
    }
}
