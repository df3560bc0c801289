package cn.gdhrss.intake.register;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What tells the city and period of a case that has none yet: when its first message arrived, who
 * sent it, the current proposal's 通讯地址 and applicant, and the xx地市 of a 汇总表 that came in
 * the same message (null when none did).
 */
public record PlaceEvidence(
        String reference, Instant receivedAt, String fromAddress, String contactAddress, String applicant,
        @Nullable String summaryTableCity) {}
