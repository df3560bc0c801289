package cn.gdhrss.intake.reply;

import java.util.regex.Pattern;

/**
 * What the words of a message say (issue 10): whether it is about the collection of new
 * occupations, whether it asks something, whether it is Chinese at all, and whether it reads like
 * advertising. Bounded: only the first {@value #MAX_TEXT} characters are looked at.
 */
final class ContentSigns {
    static final int MAX_TEXT = 20_000;
    private static final Pattern TOPIC = Pattern.compile(
            "新职业|新工种|建议书|申报|征集|汇总表|职业分类大典|职业大典|大典|159号|职业标准|职业（工种）|职业\\(工种\\)|补正|XZY-\\d{4}-\\d+");
    private static final Pattern QUESTION = Pattern.compile(
            "？|\\p{IsHan}\\s*\\?|请问|咨询|想问|想了解|能否|可否|是否可以|是否需要|可以吗|行吗|怎么|如何|哪里|哪些|多少|什么时候|何时|截止|有没有|吗[。！!，,\\s]|吗$");
    private static final Pattern ADVERTISING = Pattern.compile(
            "发票|代开|贷款|博彩|彩票|优惠|促销|特价|折扣|退订|回复\\s*TD|免费领取|加微信|刷单|兼职|返利|成人|内射|unsubscribe", Pattern.CASE_INSENSITIVE);
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    private ContentSigns() {}

    static boolean isAboutCollection(String text) {
        return TOPIC.matcher(bounded(text)).find();
    }

    static boolean asksSomething(String text) {
        return QUESTION.matcher(bounded(text)).find();
    }

    static boolean isChinese(String text) {
        return HAN.matcher(bounded(text)).results().limit(4).count() >= 4;
    }

    static boolean advertises(String text) {
        return ADVERTISING.matcher(bounded(text)).find();
    }

    private static String bounded(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
    }
}
