package cn.gdhrss.intake.attachment;

import org.jspecify.annotations.Nullable;

/**
 * Where a file was found, before its bytes are known.
 *
 * @param parentSeq the container it came out of, null for a MIME part
 * @param origin see {@link ExtractedFile#origin()}
 * @param name decoded display name
 * @param declaredType the type the message or archive claimed, lowercase, no parameters
 */
record FileOrigin(@Nullable Integer parentSeq, String origin, String name, String declaredType) {}
