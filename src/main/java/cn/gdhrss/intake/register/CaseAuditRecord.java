package cn.gdhrss.intake.register;

import java.time.Instant;

/** One change staff made to a case's reporting: who, when, what ({@code kind}) and the details. */
public record CaseAuditRecord(Instant at, String actor, String kind, String detail) {}
