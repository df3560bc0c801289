package cn.gdhrss.intake.intake;

import cn.gdhrss.intake.config.MailboxSettings;
import cn.gdhrss.intake.config.MailboxSettings.AfterCommit;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.FlagTerm;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPInputStream;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One IMAP folder (imap, imaps, or imap upgraded with STARTTLS), read incrementally by UID: a
 * checkpoint with the folder's current UIDVALIDITY lists only UIDs above its last UID; no
 * checkpoint, or another UIDVALIDITY (RFC 3501 §2.3.1.1: the old UIDs mean nothing now), lists the
 * whole folder again and the register's content hashes keep it free of duplicates.
 *
 * <p>Bytes are fetched with {@code BODY.PEEK[]} in partial chunks, so reading never sets \Seen
 * and a 1 GiB message never sits in the heap. Flags, moves and deletions happen only in {@link
 * #afterCommit}.
 */
public final class ImapSource implements MailSource {
    private static final Logger LOG = LoggerFactory.getLogger(ImapSource.class);

    private final MailboxSettings settings;
    private final Session session;
    private @Nullable IMAPStore store;
    private @Nullable IMAPFolder folder;
    private long uidValidity;

    public ImapSource(MailboxSettings settings) {
        this(settings, MailSessionFactory.create(settings));
    }

    /** With a given session, e.g. one whose protocol trace a test reads. */
    ImapSource(MailboxSettings settings, Session session) {
        this.settings = settings;
        this.session = session;
    }

    @Override
    public String mailbox() {
        return settings.mailboxName();
    }

    /**
     * Connects, logs in, sends the client ID, creates the move target when the action is MOVE, and
     * opens the folder (read-only when the action is LEAVE).
     */
    @Override
    public void open() {
        IMAPStore connected = ImapConnections.connect(settings, session);
        try {
            if (settings.after() == AfterCommit.MOVE) {
                ensureFolder(connected, settings.moveFolder());
            }
            IMAPFolder opened = (IMAPFolder) connected.getFolder(settings.folder());
            opened.open(settings.after() == AfterCommit.LEAVE ? Folder.READ_ONLY : Folder.READ_WRITE);
            uidValidity = opened.getUIDValidity();
            store = connected;
            folder = opened;
            LOG.debug("Mailbox {}: opened, UIDVALIDITY {}, {} messages", mailbox(), uidValidity, opened.getMessageCount());
        } catch (MessagingException e) {
            ImapConnections.closeQuietly(connected);
            throw MailboxFailures.unavailable(settings, e);
        }
    }

    /** Messages above the checkpoint (or all, see the class comment) not yet taken, by ascending UID. */
    @Override
    public List<SourceMessage> pending(MailboxState state) {
        IMAPFolder open = requireOpen();
        long firstUid = state.checkpoint()
                .filter(checkpoint -> checkpoint.uidValidity() == uidValidity)
                .map(checkpoint -> checkpoint.lastUid() + 1)
                .orElse(1L);
        try {
            // MAXUID, not "*": "n:*" would also return the last message when its UID is below n.
            Message[] found = open.getMessagesByUID(firstUid, UIDFolder.MAXUID);
            open.fetch(found, listingProfile());
            List<SourceMessage> listed = new ArrayList<>();
            for (Message message : found) {
                long uid = open.getUID(message);
                if (uid >= firstUid && !state.isTaken(uidValidity, Long.toString(uid))) {
                    listed.add(describe(message, uid));
                }
            }
            listed.addAll(unfinished(open, firstUid, state));
            listed.sort(Comparator.comparingLong(message -> Long.parseLong(message.uid())));
            return listed;
        } catch (MessagingException e) {
            throw MailboxFailures.unavailable(settings, e);
        }
    }

    /**
     * Registered messages below the checkpoint whose after-commit action never ran (the process
     * stopped between the commit and the action): still unseen for SEEN, still in the folder for
     * MOVE and DELETE. The pass finds them taken and runs only the action.
     */
    private List<SourceMessage> unfinished(IMAPFolder open, long firstUid, MailboxState state) throws MessagingException {
        if (firstUid <= 1 || settings.after() == AfterCommit.LEAVE) {
            return List.of();
        }
        Message[] candidates = settings.after() == AfterCommit.SEEN
                ? open.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))
                : open.getMessagesByUID(1, firstUid - 1);
        List<SourceMessage> found = new ArrayList<>();
        for (Message message : candidates) {
            long uid = open.getUID(message);
            if (uid < firstUid && state.isTaken(uidValidity, Long.toString(uid))) {
                found.add(describe(message, uid));
            }
        }
        return found;
    }

    /**
     * Streams the message as the server holds it ({@code BODY.PEEK[]}, RFC 3501 §6.4.5), fetched
     * chunk by chunk while the caller reads; the caller closes the stream before the next call.
     */
    @Override
    public InputStream openRaw(SourceMessage message) throws IOException {
        if (message.uidValidity() != uidValidity) {
            throw new IOException("Mailbox " + mailbox() + ": UID " + message.uid() + " belongs to UIDVALIDITY "
                    + message.uidValidity() + ", the folder now has " + uidValidity);
        }
        IMAPMessage found = find(message)
                .orElseThrow(() -> new IOException("Mailbox " + mailbox() + ": UID " + message.uid() + " is no longer in the folder"));
        // max -1: read until the server sends a short chunk; RFC822.SIZE is not always exact.
        return new IMAPInputStream(found, null, -1, true);
    }

    /**
     * Runs the configured action. A failure is logged, not thrown: the message is registered
     * already, and an action left undone loses nothing.
     */
    @Override
    public void afterCommit(SourceMessage message) {
        if (settings.after() == AfterCommit.LEAVE) {
            return;
        }
        try {
            Optional<IMAPMessage> found = find(message);
            if (found.isEmpty()) {
                LOG.debug("Mailbox {}: UID {} already gone, nothing to do after commit", mailbox(), message.uid());
                return;
            }
            switch (settings.after()) {
                case SEEN -> found.get().setFlag(Flags.Flag.SEEN, true);
                case MOVE -> move(found.get());
                case DELETE -> delete(found.get());
                case LEAVE -> { }
            }
        } catch (MessagingException | IOException e) {
            LOG.warn("Mailbox {}: registered UID {} could not be handled ({}) on the server; it stays where it is",
                    mailbox(), message.uid(), settings.after(), e);
        }
    }

    @Override
    public void close() {
        IMAPFolder open = folder;
        folder = null;
        if (open != null && open.isOpen()) {
            try {
                open.close(false);
            } catch (MessagingException e) {
                LOG.debug("Mailbox {}: closing the folder failed", mailbox(), e);
            }
        }
        IMAPStore connected = store;
        store = null;
        if (connected != null) {
            ImapConnections.closeQuietly(connected);
        }
    }

    @Override
    public boolean stillConnected() {
        IMAPFolder open = folder;
        IMAPStore connected = store;
        // isConnected sends a NOOP: a server that stopped answers nothing and the store says so.
        return open != null && open.isOpen() && connected != null && connected.isConnected();
    }

    /** The UIDVALIDITY of the open folder. */
    long uidValidity() {
        return uidValidity;
    }

    private void move(IMAPMessage message) throws MessagingException {
        IMAPFolder open = requireOpen();
        Folder target = requireStore().getFolder(settings.moveFolder());
        Message[] one = {message};
        if (requireStore().hasCapability("MOVE")) {
            open.moveMessages(one, target); // RFC 6851
            return;
        }
        open.copyMessages(one, target);
        delete(message);
    }

    /** Sets \Deleted and expunges this message only (RFC 4315 UID EXPUNGE), never other mail. */
    private void delete(IMAPMessage message) throws MessagingException {
        IMAPFolder open = requireOpen();
        message.setFlag(Flags.Flag.DELETED, true);
        if (requireStore().hasCapability("UIDPLUS")) {
            open.expunge(new Message[] {message});
            return;
        }
        // Without UIDPLUS an EXPUNGE removes every \Deleted message: only when ours is the only one.
        Message[] flagged = open.search(new FlagTerm(new Flags(Flags.Flag.DELETED), true));
        if (flagged.length == 1 && open.getUID(flagged[0]) == open.getUID(message)) {
            open.expunge();
        } else {
            LOG.info("Mailbox {}: UID {} flagged \\Deleted but not expunged: the server lacks UIDPLUS and other "
                    + "messages are flagged too; it disappears at the next expunge", mailbox(), open.getUID(message));
        }
    }

    private Optional<IMAPMessage> find(SourceMessage message) throws IOException {
        long uid;
        try {
            uid = Long.parseLong(message.uid());
        } catch (NumberFormatException e) {
            throw new IOException("Mailbox " + mailbox() + ": '" + message.uid() + "' is not an IMAP UID", e);
        }
        try {
            return Optional.ofNullable((IMAPMessage) requireOpen().getMessageByUID(uid));
        } catch (MessagingException e) {
            throw new IOException("Mailbox " + mailbox() + ": UID " + uid + " cannot be looked up: " + e.getMessage(), e);
        }
    }

    private SourceMessage describe(Message message, long uid) throws MessagingException {
        Date received = message.getReceivedDate();
        Instant receivedAt = received == null ? null : received.toInstant();
        return new SourceMessage(Long.toString(uid), uidValidity, receivedAt, Math.max(0, message.getSize()));
    }

    private static FetchProfile listingProfile() {
        FetchProfile profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        profile.add(FetchProfile.Item.SIZE);
        profile.add(IMAPFolder.FetchProfileItem.INTERNALDATE);
        return profile;
    }

    private static void ensureFolder(IMAPStore connected, String name) throws MessagingException {
        Folder target = connected.getFolder(name);
        if (!target.exists() && !target.create(Folder.HOLDS_MESSAGES)) {
            throw new MessagingException("folder '" + name + "' cannot be created");
        }
    }

    private IMAPFolder requireOpen() {
        IMAPFolder open = folder;
        if (open == null || !open.isOpen()) {
            throw new MailboxUnavailableException("Mailbox " + mailbox() + " is not open",
                    "邮箱连接已断开：" + mailbox(), null);
        }
        return open;
    }

    private IMAPStore requireStore() {
        IMAPStore connected = store;
        if (connected == null) {
            throw new MailboxUnavailableException("Mailbox " + mailbox() + " is not open",
                    "邮箱连接已断开：" + mailbox(), null);
        }
        return connected;
    }
}
