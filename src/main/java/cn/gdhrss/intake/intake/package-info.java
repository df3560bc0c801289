/** One pass over one mailbox: sources (IMAP, POP3, Maildir, imported files), the raw archive, exactly-once registration with the headers decoded once; the steps that follow are in {@code pipeline}. */
@NullMarked
package cn.gdhrss.intake.intake;

import org.jspecify.annotations.NullMarked;
