/** One pass over one mailbox: sources (IMAP, POP3, Maildir, imported files), the raw archive, exactly-once registration and the processing steps that follow. */
@NullMarked
package cn.gdhrss.intake.intake;

import org.jspecify.annotations.NullMarked;
