/** The SQLite register: the only package that speaks java.sql. Migrations, repositories, queries. */
@NullMarked
package cn.gdhrss.intake.register;

import org.jspecify.annotations.NullMarked;
