/** Quartz only: jobs of a few lines that call a capability. */
@NullMarked
package cn.gdhrss.intake.schedule;

import org.jspecify.annotations.NullMarked;
