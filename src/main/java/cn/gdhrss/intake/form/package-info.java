/**
 * Word and Excel in, domain out: the 新职业建议书 (附件1) and the 新职业信息汇总表 (附件2), read by
 * their labels, and the checks of the notice against the national catalogues. Field names follow
 * {@code shared/design/proposal-fields.md}.
 */
@NullMarked
package cn.gdhrss.intake.form;

import org.jspecify.annotations.NullMarked;
