/**
 * Notifications (待办提醒): what a user is asked to do, addressed to a named user or to every active user of an
 * organisation holding a role (all department staff of RST, the approvers of the Digital Bureau). Each is stored
 * as a message key with its arguments, so that it renders in the reader's language, with a link to the action;
 * a deduplication key keeps a reminder from reaching the same user twice. Read in the to-do list and over
 * {@code /api/v1/me/notifications}; mailed after commit when an SMTP server is configured.
 */
@org.springframework.modulith.ApplicationModule(displayName = "待办提醒 Notifications",
        allowedDependencies = {"rulebook", "audit", "organization", "project"})
package cn.jl.govit.notification;
