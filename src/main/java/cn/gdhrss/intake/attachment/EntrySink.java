package cn.gdhrss.intake.attachment;

import java.io.IOException;
import java.io.InputStream;

/** Receives the files found inside a container (archive, winmail.dat) of a given parent. */
interface EntrySink {

    /**
     * Stores and records one file; the caller owns {@code in}.
     *
     * @throws IOException only when the store cannot write
     */
    void take(FileOrigin origin, InputStream in, ArchiveBudget budget) throws IOException;

    /** Records an entry that is listed but not stored (encrypted, unsupported method). */
    void record(FileOrigin origin, long size, Verdict verdict);
}
