package cn.gdhrss.intake.casefile;

import cn.gdhrss.intake.register.MessageRecord;

/** Gives the forms the parse step stored for a message (status {@code parsed}). */
public interface SubmissionLoader {
    Submission load(MessageRecord message);
}
