/**
 * What staff do with cases (issue 8), for the command line and the web console alike: list, find,
 * search and open a case, review it under notice 159's rules, place, merge, note, withdraw it, log
 * its paper copy, write to the applicant, and see what needs doing.
 */
@NullMarked
package cn.gdhrss.intake.casework;

import org.jspecify.annotations.NullMarked;
