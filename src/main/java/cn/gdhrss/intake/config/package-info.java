/** Settings from the one configuration file in conf/, secrets from environment variables. */
@NullMarked
package cn.gdhrss.intake.config;

import org.jspecify.annotations.NullMarked;
