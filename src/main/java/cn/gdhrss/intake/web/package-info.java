/**
 * The staff web console (issue 9): Javalin (Jetty) serving FreeMarker pages, for the province
 * office, the 21 city bureaus and read-only reviewers. It reads and changes cases only through
 * {@code casework}, summaries through {@code report}; files are looked up by register id only.
 */
@NullMarked
package cn.gdhrss.intake.web;

import org.jspecify.annotations.NullMarked;
