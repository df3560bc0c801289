package cn.gdhrss.intake.attachment;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Lets the forbidden-API check (forbiddenapis) pass one use of a JDK-specific API, with the reason beside it. */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.CONSTRUCTOR})
@interface SuppressForbidden {
    /** Why the use is safe. */
    String reason();
}
