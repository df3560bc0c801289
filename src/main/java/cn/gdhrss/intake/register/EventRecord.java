package cn.gdhrss.intake.register;

import java.time.Instant;

public record EventRecord(Instant at, String kind, String detail) {}
