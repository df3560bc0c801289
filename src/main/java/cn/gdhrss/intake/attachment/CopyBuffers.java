package cn.gdhrss.intake.attachment;

/**
 * The 1 MiB buffers the raw archive and the file store copy through, one kept per thread. A new
 * buffer for every message and every attachment was 2.5 GB of the 6.7 GB a 1,000-mail import
 * allocated, a young collection every sixty mails (issue 12). A buffer taken while the thread's own
 * is out (a copy inside a copy) is a new one, so no two copies ever share bytes.
 */
public final class CopyBuffers {

    public static final int BYTES = 1 << 20;
    private static final ThreadLocal<byte[]> SPARE = new ThreadLocal<>();

    private CopyBuffers() {}

    /** A buffer of {@link #BYTES} whose contents are whatever an earlier copy left there. */
    public static byte[] take() {
        byte[] spare = SPARE.get();
        if (spare == null) {
            return new byte[BYTES];
        }
        SPARE.set(null);
        return spare;
    }

    /** Hands the buffer back for the thread's next copy; the caller must not use it afterwards. */
    public static void give(byte[] buffer) {
        if (buffer.length == BYTES) {
            SPARE.set(buffer);
        }
    }
}
