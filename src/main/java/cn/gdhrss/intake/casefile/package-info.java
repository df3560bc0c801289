/**
 * Cases and their reference numbers (XZY-2026-0001): which case a submission opens or joins, one
 * case per proposal of a city bureau batch, and the contract with the parse step that feeds it.
 */
@NullMarked
package cn.gdhrss.intake.casefile;

import org.jspecify.annotations.NullMarked;
