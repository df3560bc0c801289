package cn.gdhrss.intake.attachment;

/**
 * Limits from configuration; every size or count taken from a message is capped by these.
 *
 * @param maxAttachmentBytes largest attachment (or archive entry) that is stored; larger ones get
 *     {@link AttachmentStatus#OVER_LIMIT}
 * @param maxParts most MIME parts walked in one message, forwarded messages included
 * @param maxNestingDepth deepest multipart / message/rfc822 nesting walked
 * @param maxZipEntries most entries taken from one archive, nested archives included
 * @param maxZipExpandedBytes most bytes expanded from one archive, nested archives included
 * @param maxZipRatio largest expanded-to-compressed ratio of an entry before it counts as a bomb
 * @param maxZipDepth deepest archive-inside-archive nesting opened
 */
public record AttachmentLimits(
        long maxAttachmentBytes,
        int maxParts,
        int maxNestingDepth,
        int maxZipEntries,
        long maxZipExpandedBytes,
        int maxZipRatio,
        int maxZipDepth) {

    private static final long GIB = 1024L * 1024 * 1024;

    public AttachmentLimits {
        requirePositive(maxAttachmentBytes, "maxAttachmentBytes");
        requirePositive(maxParts, "maxParts");
        requirePositive(maxNestingDepth, "maxNestingDepth");
        requirePositive(maxZipEntries, "maxZipEntries");
        requirePositive(maxZipExpandedBytes, "maxZipExpandedBytes");
        requirePositive(maxZipRatio, "maxZipRatio");
        requirePositive(maxZipDepth, "maxZipDepth");
    }

    /** 1 GiB per attachment, 500 parts, depth 10, 1000 zip entries, 2 GiB expanded, ratio 100, zip depth 3. */
    public static AttachmentLimits defaults() {
        return new AttachmentLimits(GIB, 500, 10, 1000, 2 * GIB, 100, 3);
    }

    private static void requirePositive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException("Attachment limit '" + name + "' must be positive, was " + value);
        }
    }
}
