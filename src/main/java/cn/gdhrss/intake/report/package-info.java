/**
 * Period summaries of issue 5: the 新职业信息汇总表 (附件2) written as .xlsx and .docx with a
 * statistics sheet, the reporting periods of the notice, the city a proposal is attributed to and
 * the 门类 of its industry. Data comes in as records; nothing here reads the register.
 */
@NullMarked
package cn.gdhrss.intake.report;

import org.jspecify.annotations.NullMarked;
