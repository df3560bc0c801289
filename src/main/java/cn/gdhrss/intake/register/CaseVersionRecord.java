package cn.gdhrss.intake.register;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One message that fed a case; version 1 is the first submission, later ones are corrections. */
public record CaseVersionRecord(
        long caseId, int version, long messageId, @Nullable Integer formSeq, int errorCount, int warningCount,
        Instant createdAt) {}
