package cn.gdhrss.intake.register;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Something staff should know about a case (unknown sender, bounce, failing reply, capped reply). */
public record CaseEventRecord(long caseId, @Nullable Long messageId, Instant at, String kind, String detail) {}
