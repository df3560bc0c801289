/**
 * Bytes to files: one archived raw message in, the list of its attachments out, each stored by
 * content hash, typed from its bytes and classified. Walks the MIME tree (nested multiparts,
 * forwarded message/rfc822, TNEF winmail.dat, uuencoded text), decodes the names Chinese mail
 * clients write (RFC 2047, RFC 2231, encoded-words inside quotes, raw GBK/UTF-8 bytes), opens zip
 * and 7z archives under limits, and records links to cloud big attachments found in the body.
 * Hostile input never escapes as an exception: it becomes a status with a Chinese reason.
 */
@NullMarked
package cn.gdhrss.intake.attachment;

import org.jspecify.annotations.NullMarked;
