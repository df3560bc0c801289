/** The picocli commands of {@code run.sh}; the only package that prints to the console. */
@NullMarked
package cn.gdhrss.intake.cli;

import org.jspecify.annotations.NullMarked;
