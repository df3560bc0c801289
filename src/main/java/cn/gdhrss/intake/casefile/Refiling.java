package cn.gdhrss.intake.casefile;

import java.util.List;

/**
 * A message read again inside the case(s) it already belongs to (issue 8: {@code reprocess} adds no
 * case and no reference).
 *
 * @param changed true when a case's state or its count of errors differs from before
 * @param changes what changed, one Chinese phrase per case ("XZY-2026-0001 待补正 → 材料齐全"), empty when nothing did
 */
public record Refiling(Filing filing, boolean changed, List<String> changes) {
    public Refiling {
        changes = List.copyOf(changes);
    }
}
