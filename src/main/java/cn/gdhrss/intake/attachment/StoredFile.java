package cn.gdhrss.intake.attachment;

/**
 * Result of {@link FileStore#store}.
 *
 * @param sha256 lowercase hex SHA-256 of the stored bytes; empty when {@code overLimit}
 * @param size bytes stored; when {@code overLimit}, the bytes read before giving up (limit + 1)
 * @param overLimit true when the input was larger than the limit and nothing was stored
 */
public record StoredFile(String sha256, long size, boolean overLimit) {}
