/**
 * The processing steps of a registered message (extract, parse, answer) and their runner (issue 11):
 * each step reads what the register holds, headers included, and writes its result and the status
 * change in one transaction. Uses no mail library: the headers were decoded once, at intake.
 */
@NullMarked
package cn.gdhrss.intake.pipeline;

import org.jspecify.annotations.NullMarked;
