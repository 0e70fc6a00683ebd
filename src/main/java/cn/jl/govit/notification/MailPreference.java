package cn.jl.govit.notification;

/**
 * How a user wants notifications by e-mail, chosen per account on the to-do page. The to-do list itself is the
 * same whatever the choice; only the mail differs.
 */
public enum MailPreference {
    /** one mail per notification, as it is created */
    EACH,
    /** one mail a day listing the unread notifications since the last digest and what is due (the default) */
    DIGEST,
    /** no mail */
    NONE;

    public static final MailPreference DEFAULT = DIGEST;
}
