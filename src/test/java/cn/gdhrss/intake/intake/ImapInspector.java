package cn.gdhrss.intake.intake;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** A plain IMAP client the tests use to look at (and prepare) GreenMail's folders from outside. */
final class ImapInspector implements AutoCloseable {
    private final Store store;

    ImapInspector(int port, String user, String password) throws MessagingException {
        store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", port, user, password);
    }

    boolean exists(String folder) throws MessagingException {
        return store.getFolder(folder).exists();
    }

    void create(String folder) throws MessagingException {
        store.getFolder(folder).create(Folder.HOLDS_MESSAGES);
    }

    void append(String folder, byte[] raw) throws MessagingException {
        Folder target = store.getFolder(folder);
        target.appendMessages(new Message[] {TestMessages.parse(raw)});
    }

    int count(String folder) throws MessagingException {
        Folder target = store.getFolder(folder);
        target.open(Folder.READ_ONLY);
        try {
            return target.getMessageCount();
        } finally {
            target.close(false);
        }
    }

    /** The flags of every message in the folder, in order. */
    List<Flags> flags(String folder) throws MessagingException {
        Folder target = store.getFolder(folder);
        target.open(Folder.READ_ONLY);
        try {
            List<Flags> found = new ArrayList<>();
            for (Message message : target.getMessages()) {
                found.add(message.getFlags());
            }
            return found;
        } finally {
            target.close(false);
        }
    }

    @Override
    public void close() throws MessagingException {
        store.close();
    }
}
