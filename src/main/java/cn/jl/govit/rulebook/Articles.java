package cn.jl.govit.rulebook;

/** Turns a rule id ({@code ART-23-1}) into the article it cites ({@code 第二十三条}). */
public final class Articles {

    /** The measures have 38 articles (第三十八条 puts them in force). */
    public static final int LAST_ARTICLE = 38;

    private static final String[] DIGITS = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

    private Articles() {
    }

    /**
     * The article number of a rule id: {@code ART-23-1} ⇒ 23. Refuses what cites no article of the measures:
     * article 0 or beyond the last, clause 0, leading zeros.
     */
    public static int number(String ruleId) {
        if (ruleId == null || !ruleId.matches("ART-[1-9]\\d?(-[1-9]\\d?)?")) {
            throw new IllegalArgumentException("not a rule id: " + ruleId);
        }
        int article = Integer.parseInt(ruleId.split("-")[1]);
        if (article > LAST_ARTICLE) {
            throw new IllegalArgumentException("the measures have " + LAST_ARTICLE + " articles: " + ruleId);
        }
        return article;
    }

    /** The article in Chinese: {@code ART-23-1} ⇒ 第二十三条. */
    public static String chinese(String ruleId) {
        return "第" + chineseNumeral(number(ruleId)) + "条";
    }

    static String chineseNumeral(int n) {
        if (n <= 0 || n >= 100) {
            throw new IllegalArgumentException("article numbers run from 1 to 99: " + n);
        }
        if (n < 10) {
            return DIGITS[n];
        }
        int tens = n / 10;
        int units = n % 10;
        return (tens == 1 ? "" : DIGITS[tens]) + "十" + (units == 0 ? "" : DIGITS[units]);
    }
}
